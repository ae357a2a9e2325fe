package it.labimpact.participant.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Where the vault's keys come from in production, in the default embedded run and in tests. */
class VaultKeysTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER = Base64.getEncoder().encodeToString("another-32-byte-secret-for-tests".getBytes());

    @Test
    void productionWithoutKeysRefusesToStartAndSaysWhatToSet() {
        MockEnvironment env = new MockEnvironment();

        assertThatThrownBy(() -> VaultKeys.from(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LABIMPACT_VAULT_MASTER_KEY").hasMessageContaining("LABIMPACT_VAULT_PEPPER");
    }

    @Test
    void halfAConfigurationIsRefusedToo() {
        MockEnvironment env = new MockEnvironment().withProperty("labimpact.vault.master-key", KEY)
                .withProperty("labimpact.embedded-db.active", "true");

        assertThatThrownBy(() -> VaultKeys.from(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Only one of");
    }

    @Test
    void configuredKeysAreUsedAndMustBe256Bits() {
        VaultKeys keys = VaultKeys.from(new MockEnvironment().withProperty("labimpact.vault.master-key", KEY)
                .withProperty("labimpact.vault.pepper", OTHER));
        assertThat(keys.currentKeyId()).isEqualTo(VaultKeys.keyId(new byte[32]));

        MockEnvironment shortKey = new MockEnvironment()
                .withProperty("labimpact.vault.master-key", Base64.getEncoder().encodeToString(new byte[16]))
                .withProperty("labimpact.vault.pepper", OTHER);
        assertThatThrownBy(() -> VaultKeys.from(shortKey)).hasMessageContaining("32 bytes");
    }

    @Test
    void theEmbeddedRunCreatesKeyFilesOnceWithOwnerOnlyPermissions(@TempDir Path dir) throws Exception {
        MockEnvironment env = new MockEnvironment().withProperty("labimpact.embedded-db.active", "true")
                .withProperty("labimpact.vault.key-dir", dir.resolve("keys").toString());

        VaultKeys first = VaultKeys.from(env);
        VaultKeys second = VaultKeys.from(env);

        Path master = dir.resolve("keys/master.key");
        assertThat(master).exists();
        assertThat(dir.resolve("keys/pepper.key")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(master))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys"))))
                .isEqualTo("rwx------");
        assertThat(second.currentKeyId()).as("reused, not regenerated").isEqualTo(first.currentKeyId());
        assertThat(Base64.getDecoder().decode(Files.readString(master).strip())).hasSize(32);
    }

    @Test
    void testsGenerateKeysForTheJvmWhenAskedTo() {
        MockEnvironment env = new MockEnvironment().withProperty("labimpact.vault.generate-if-missing", "true");

        assertThat(VaultKeys.from(env).currentKeyId()).isEqualTo(VaultKeys.from(env).currentKeyId());
    }
}
