package it.labimpact.participant.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.env.Environment;

/**
 * The vault's secrets: the master key that wraps every participant's data key (plus retired master keys,
 * kept only while their data keys are re-wrapped) and the pepper of the keyed hashes.
 *
 * <p>Where they come from, first match wins: the properties {@code labimpact.vault.master-key} and
 * {@code labimpact.vault.pepper} (base64; in production the environment variables
 * {@code LABIMPACT_VAULT_MASTER_KEY} and {@code LABIMPACT_VAULT_PEPPER}); random keys for this JVM when
 * {@code labimpact.vault.generate-if-missing=true} (tests); files under {@code labimpact.vault.key-dir}
 * ({@code data/keys}), created once with permissions 600, in the default run on the embedded database.
 * Otherwise the platform refuses to start.
 */
public final class VaultKeys {

    private static final Log log = LogFactory.getLog(VaultKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Keys generated for this JVM, shared by its application contexts (tests only). */
    private static byte[][] generated;

    private final String currentKeyId;
    private final Map<String, byte[]> masterKeys;
    private final byte[] pepper;

    /** The first master key is the current one; the others are retired. */
    public VaultKeys(java.util.List<byte[]> masterKeys, byte[] pepper) {
        if (masterKeys.isEmpty() || masterKeys.stream().anyMatch(k -> k.length != 32)) {
            throw new IllegalStateException("Every vault master key must be 32 bytes (256 bits), base64-encoded");
        }
        if (pepper.length < 32) {
            throw new IllegalStateException("The vault pepper must be at least 32 bytes, base64-encoded");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        masterKeys.forEach(k -> keys.put(keyId(k), k.clone()));
        this.masterKeys = Map.copyOf(keys);
        this.currentKeyId = keyId(masterKeys.get(0));
        this.pepper = pepper.clone();
    }

    /** Reads the keys from the configuration, as described on the class. */
    public static VaultKeys from(Environment env) {
        String master = env.getProperty("labimpact.vault.master-key");
        String pepper = env.getProperty("labimpact.vault.pepper");
        java.util.List<byte[]> retired = Arrays.stream(env.getProperty("labimpact.vault.retired-master-keys", "")
                .split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(VaultKeys::decode).toList();
        if (notBlank(master) && notBlank(pepper)) {
            return withRetired(decode(master), decode(pepper), retired);
        }
        if (notBlank(master) || notBlank(pepper)) {
            throw missing("Only one of labimpact.vault.master-key and labimpact.vault.pepper is set");
        }
        if (env.getProperty("labimpact.vault.generate-if-missing", Boolean.class, false)) {
            byte[][] keys = generatedForThisJvm();
            return withRetired(keys[0], keys[1], retired);
        }
        if (env.getProperty("labimpact.embedded-db.active", Boolean.class, false)) {
            Path dir = Path.of(env.getProperty("labimpact.vault.key-dir", "data/keys"));
            return withRetired(readOrCreate(dir.resolve("master.key")), readOrCreate(dir.resolve("pepper.key")),
                    retired);
        }
        throw missing("The vault keys are not configured");
    }

    /** Identifies a master key without revealing it: 16 hex characters of a SHA-256 of it. */
    public static String keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("labimpact-vault-key-id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    byte[] masterKey(String keyId) {
        byte[] key = masterKeys.get(keyId);
        if (key == null) {
            throw new VaultException("No master key with id " + keyId + " is configured");
        }
        return key;
    }

    byte[] pepper() {
        return pepper;
    }

    private static VaultKeys withRetired(byte[] master, byte[] pepper, java.util.List<byte[]> retired) {
        java.util.List<byte[]> all = new java.util.ArrayList<>();
        all.add(master);
        all.addAll(retired);
        return new VaultKeys(all, pepper);
    }

    private static synchronized byte[][] generatedForThisJvm() {
        if (generated == null) {
            generated = new byte[][] {random(32), random(32)};
        }
        return generated;
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII));
            }
            Files.createDirectories(file.getParent());
            restrict(file.getParent(), "rwx------");
            byte[] key = random(32);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            restrict(file, "rw-------");
            log.info("Generated the vault key " + file.toAbsolutePath() + " (embedded run only; back it up with the "
                    + "database: without it the personal data cannot be read)");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the vault key " + file, e);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A vault key is not valid base64", e);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static IllegalStateException missing(String what) {
        return new IllegalStateException(what + ". Set LABIMPACT_VAULT_MASTER_KEY (32 random bytes, base64) and "
                + "LABIMPACT_VAULT_PEPPER (32 random bytes, base64) from your secret store, e.g. with "
                + "'openssl rand -base64 32'; keep both safe and backed up: without the master key the "
                + "participants' personal data cannot be read, and a new pepper breaks de-duplication.");
    }
}
