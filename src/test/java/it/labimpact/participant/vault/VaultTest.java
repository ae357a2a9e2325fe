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

    private static byte[] random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }
}
