package it.labimpact.participant;

import static it.labimpact.participant.ParticipantFixtures.person;
import static it.labimpact.participant.ParticipantFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.participant.vault.Vault;
import it.labimpact.participant.vault.VaultException;
import it.labimpact.participant.vault.VaultKeys;
import it.labimpact.participant.vault.VaultKeysAccess;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Rotating the master key re-wraps every data key; the sealed fields are untouched and still open. */
@SpringBootTest
class VaultKeyRotationTest {

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    ParticipantRepository repository;

    @Autowired
    SealedFields sealed;

    @Autowired
    VaultKeys keys;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void clean() {
        TestActors.clear();
        ParticipantFixtures.reset(jdbc);
    }

    @Test
    void rewrapsEveryDataKeyUnderTheNewMasterKey() {
        UUID id = register(registry, jdbc, TestActors.operator("milano"),
                person("Ndiaye", "Awa", LocalDate.of(1990, 3, 12), null)).participantId();
        byte[] surnameBefore = repository.vault(id).orElseThrow().fields().get("surname");
        byte[] next = new byte[32];
        new SecureRandom().nextBytes(next);
        VaultKeys rotated = new VaultKeys(List.of(next, VaultKeysAccess.currentMasterKey(keys)), new byte[32]);
        SealedFields afterRotation = new SealedFields(new Vault(rotated));

        int rewrapped = new VaultKeyRotation(repository, afterRotation, rotated, transactions).rewrapAll();

        assertThat(rewrapped).isEqualTo(1);
        ParticipantRepository.VaultRow row = repository.vault(id).orElseThrow();
        assertThat(row.keyId()).isEqualTo(VaultKeys.keyId(next));
        assertThat(row.fields().get("surname")).isEqualTo(surnameBefore);
        SealedFields onlyTheNewKey = new SealedFields(new Vault(new VaultKeys(List.of(next), new byte[32])));
        assertThat(onlyTheNewKey.open(row).personal().surname()).isEqualTo("Ndiaye");
        assertThatThrownBy(() -> sealed.open(row)).as("the retired key alone no longer opens it")
                .isInstanceOf(VaultException.class);
        assertThat(new VaultKeyRotation(repository, afterRotation, rotated, transactions).rewrapAll()).isZero();
    }
}
