package it.labimpact.participant.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** AES-GCM sealing of fields and wrapping of data keys, without Spring. */
class VaultTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] master = random();
    private final Vault vault = new Vault(new VaultKeys(List.of(master), random()));
    private final UUID id = UUID.randomUUID();

    @Test
    void sealsAndOpensAField() {
        SecretKey key = vault.newDataKey();
        byte[] sealed = vault.seal(key, id, "surname", "Nguyễn Thị");

        assertThat(vault.open(key, id, "surname", sealed)).isEqualTo("Nguyễn Thị");
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Nguy");
        assertThat(vault.seal(key, id, "surname", "Nguyễn Thị")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(vault.seal(key, id, "phone", null)).isNull();
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        SecretKey key = vault.newDataKey();
        byte[] sealed = vault.seal(key, id, "surname", "Rossi");
        sealed[sealed.length / 2] ^= 1;

        assertThatThrownBy(() -> vault.open(key, id, "surname", sealed)).isInstanceOf(VaultException.class);
    }

    @Test
    void aValueMovedToAnotherFieldOrRecordDoesNotOpen() {
        SecretKey key = vault.newDataKey();
        byte[] sealed = vault.seal(key, id, "surname", "Rossi");

        assertThatThrownBy(() -> vault.open(key, id, "given_names", sealed)).isInstanceOf(VaultException.class);
        assertThatThrownBy(() -> vault.open(key, UUID.randomUUID(), "surname", sealed))
                .isInstanceOf(VaultException.class);
        assertThatThrownBy(() -> vault.open(vault.newDataKey(), id, "surname", sealed))
                .isInstanceOf(VaultException.class);
    }

    @Test
    void wrapsTheDataKeyForOneParticipantUnderTheMasterKey() {
        SecretKey key = vault.newDataKey();
        Vault.WrappedKey wrapped = vault.wrap(id, key);

        assertThat(wrapped.keyId()).isEqualTo(VaultKeys.keyId(master));
        assertThat(vault.unwrap(id, wrapped).getEncoded()).isEqualTo(key.getEncoded());
        assertThatThrownBy(() -> vault.unwrap(UUID.randomUUID(), wrapped)).isInstanceOf(VaultException.class);
        Vault otherMaster = new Vault(new VaultKeys(List.of(random()), random()));
        assertThatThrownBy(() -> otherMaster.unwrap(id, wrapped)).isInstanceOf(VaultException.class);
    }

    @Test
    void theMasterKeyAloneOpensNoField() {
        SecretKey key = vault.newDataKey();
        byte[] sealed = vault.seal(key, id, "surname", "Rossi");

        assertThatThrownBy(() -> vault.open(new SecretKeySpec(master, "AES"), id, "surname", sealed))
                .isInstanceOf(VaultException.class);
    }

    @Test
    void aRetiredMasterKeyStillUnwrapsUntilTheKeyIsRewrapped() {
        SecretKey key = vault.newDataKey();
        Vault.WrappedKey old = vault.wrap(id, key);
        byte[] next = random();
        Vault rotated = new Vault(new VaultKeys(List.of(next, master), random()));

        assertThat(rotated.isCurrent(old)).isFalse();
        Vault.WrappedKey rewrapped = rotated.wrap(id, rotated.unwrap(id, old));
        assertThat(rewrapped.keyId()).isEqualTo(VaultKeys.keyId(next));
        assertThat(rotated.isCurrent(rewrapped)).isTrue();
        assertThat(new Vault(new VaultKeys(List.of(next), random())).unwrap(id, rewrapped).getEncoded())
                .isEqualTo(key.getEncoded());
    }

    /**
     * Values sealed before the per-thread cipher (a {@code Cipher} and a {@code KeyGenerator} looked up per call)
     * open, and the other way round: the layout (nonce, ciphertext, tag) and the additional data are the same. The
     * old way is written out here with plain JCA.
     */
    @Test
    void valuesSealedTheOldWayOpenAndNewOnesOpenTheOldWay() throws Exception {
        javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance("AES");
        generator.init(256, RANDOM);
        SecretKey oldKey = generator.generateKey();
        String keyId = VaultKeys.keyId(master);
        byte[] wrappedTheOldWay = oldSeal(new SecretKeySpec(master, "AES"),
                "participant:" + id + "|data-key|master:" + keyId, oldKey.getEncoded());
        byte[] sealedTheOldWay = oldSeal(oldKey, "participant:" + id + "|field:surname",
                "Nguyễn Thị".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        SecretKey unwrapped = vault.unwrap(id, new Vault.WrappedKey(keyId, wrappedTheOldWay));
        assertThat(unwrapped.getEncoded()).isEqualTo(oldKey.getEncoded());
        assertThat(vault.open(unwrapped, id, "surname", sealedTheOldWay)).isEqualTo("Nguyễn Thị");

        SecretKey key = vault.newDataKey();
        assertThat(key.getAlgorithm()).isEqualTo("AES");
        assertThat(key.getEncoded()).hasSize(32);
        byte[] sealed = vault.seal(key, id, "phone", "+39 333 1234567");
        assertThat(new String(oldOpen(key, "participant:" + id + "|field:phone", sealed),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("+39 333 1234567");
        Vault.WrappedKey wrapped = vault.wrap(id, key);
        assertThat(oldOpen(new SecretKeySpec(master, "AES"), "participant:" + id + "|data-key|master:" + keyId,
                wrapped.bytes())).isEqualTo(key.getEncoded());
    }

    private static byte[] oldSeal(SecretKey key, String aad, byte[] plain) throws Exception {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plain);
        return java.nio.ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
    }

    private static byte[] oldOpen(SecretKey key, String aad, byte[] sealed) throws Exception {
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.DECRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, sealed, 0, 12));
        cipher.updateAAD(aad.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return cipher.doFinal(sealed, 12, sealed.length - 12);
    }

    private static byte[] random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }
}
