package it.labimpact.participant.vault;

import it.labimpact.shared.PerThreadSecureRandom;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Field-by-field encryption of personal data. Each participant has a random 256-bit data key; each field is
 * sealed with AES-GCM under it (random 96-bit nonce, additional data = participant id and field name, so a
 * sealed value moved to another record or field does not open). The data key is stored wrapped — sealed the
 * same way under the master key, tagged with the master key's id. Destroying the wrapped key destroys every
 * field (crypto-shredding).
 *
 * <p>A sealed value is {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}.
 */
public final class Vault {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int DATA_KEY_BYTES = 32;
    /**
     * Per thread: a {@code SecureRandom} (one shared instance serialises every caller on its lock) and an AES-GCM
     * {@code Cipher} (looked up once; re-initialised with a fresh nonce for every value, as GCM requires).
     */
    private static final SecureRandom RANDOM = new PerThreadSecureRandom();
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    /** A data key sealed under a master key. */
    public record WrappedKey(String keyId, byte[] bytes) {
    }

    private final VaultKeys keys;
    private final java.util.Map<String, SecretKey> masters = new java.util.concurrent.ConcurrentHashMap<>();

    public Vault(VaultKeys keys) {
        this.keys = keys;
    }

    /**
     * A fresh random 256-bit data key: the 32 random bytes {@code KeyGenerator.getInstance("AES")} would draw, without
     * looking the generator up for every key.
     */
    public SecretKey newDataKey() {
        byte[] raw = new byte[DATA_KEY_BYTES];
        RANDOM.nextBytes(raw);
        return new SecretKeySpec(raw, "AES");
    }

    public WrappedKey wrap(UUID participant, SecretKey dataKey) {
        String keyId = keys.currentKeyId();
        return new WrappedKey(keyId, encrypt(master(keyId), wrapContext(participant, keyId), dataKey.getEncoded()));
    }

    public SecretKey unwrap(UUID participant, WrappedKey wrapped) {
        byte[] raw = decrypt(master(wrapped.keyId()), wrapContext(participant, wrapped.keyId()), wrapped.bytes());
        return new SecretKeySpec(raw, "AES");
    }

    /** Whether a wrapped key should be re-wrapped under the current master key (rotation). */
    public boolean isCurrent(WrappedKey wrapped) {
        return wrapped.keyId().equals(keys.currentKeyId());
    }

    /** Seals a field value; {@code null} stays {@code null}. */
    public byte[] seal(SecretKey dataKey, UUID participant, String field, String value) {
        return value == null ? null
                : encrypt(dataKey, fieldContext(participant, field), value.getBytes(StandardCharsets.UTF_8));
    }

    /** Opens a sealed field; fails with {@link VaultException} on a wrong key, record, field or tampering. */
    public String open(SecretKey dataKey, UUID participant, String field, byte[] sealed) {
        return sealed == null ? null
                : new String(decrypt(dataKey, fieldContext(participant, field), sealed), StandardCharsets.UTF_8);
    }

    private SecretKey master(String keyId) {
        return masters.computeIfAbsent(keyId, id -> new SecretKeySpec(keys.masterKey(id), "AES"));
    }

    private static byte[] fieldContext(UUID participant, String field) {
        return ("participant:" + participant + "|field:" + field).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wrapContext(UUID participant, String keyId) {
        return ("participant:" + participant + "|data-key|master:" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encrypt(SecretKey key, byte[] aad, byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] aad, byte[] sealed) {
        if (sealed.length < NONCE + TAG_BITS / 8) {
            throw new VaultException("Sealed value too short");
        }
        try {
            Cipher cipher = GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new VaultException("Sealed value does not open: wrong key, record or field, or tampered", e);
        }
    }
}
