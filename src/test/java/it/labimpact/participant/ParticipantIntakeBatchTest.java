package it.labimpact.participant;

import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The set-based registration of a chunk of upload rows ({@link ParticipantRegistry.Intake#batch}) against another
 * user registering one of its persons while the chunk is checked: the chunk's claim of the person's hashes loses,
 * the flush fails ({@link RegisteredMeanwhileException}) before anything else of the chunk is written, the
 * transaction rolls back, and the person has one record, the other user's; checked again, the chunk sees her.
 */
@SpringBootTest
class ParticipantIntakeBatchTest {

    static final Actor MILANO = TestActors.operator("milano");
    static final LocalDate BORN = LocalDate.of(1990, 3, 12);

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    @AfterEach
    void clean() {
        TestActors.clear();
        ParticipantFixtures.reset(jdbc);
    }

    @Test
    void aPersonRegisteredMeanwhileByAnotherUserFailsTheChunkAndIsNotDuplicated() throws Exception {
        check("milano");
    }

    @Test
    void aPersonRegisteredMeanwhileByAnotherNetworkFailsTheChunkToo() throws Exception {
        check("cremasca");
    }

    private void check(String otherNetwork) throws Exception {
        long organisation = ParticipantFixtures.leadOrganisation(jdbc, "milano");
        long otherOrganisation = ParticipantFixtures.leadOrganisation(jdbc, otherNetwork);
        int notice = ParticipantFixtures.currentNotice(jdbc);
        ParticipantData karim = ParticipantFixtures.person("Mohamed", "Karim", BORN.minusYears(2), null);
        ParticipantData awa = ParticipantFixtures.person("Ndiaye", "Awa", BORN, null);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ExecutorService elsewhere = Executors.newSingleThreadExecutor();
        RuntimeException failure;
        try {
            failure = TestActors.call(MILANO, () -> {
                try {
                    tx.executeWithoutResult(s -> {
                        ParticipantRegistry.Intake intake = registry.intake("milano", organisation, notice);
                        ParticipantRegistry.Batch batch = intake.batch(List.of(karim, awa));
                        for (ParticipantData d : List.of(karim, awa)) {
                            ParticipantRegistry.Admission checked = batch.check(d);
                            assertThat(checked.held()).isEmpty();
                            intake.write(checked, d);
                        }
                        // staged, not written: another user registers Awa and commits meanwhile
                        assertThat(count()).isZero();
                        try {
                            elsewhere.submit(() -> TestActors.run(TestActors.lead(otherNetwork),
                                    () -> registry.register(otherNetwork, otherOrganisation, notice, awa))).get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        batch.flush();
                    });
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
        } finally {
            elsewhere.shutdown();
        }

        assertThat(failure).isInstanceOf(RegisteredMeanwhileException.class).hasMessageContaining("registered meanwhile");
        // nothing of the chunk stands: Awa once (the other user's record), Karim not at all
        assertThat(count()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from participant where network_code = :n").param("n", otherNetwork)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(distinct person_id) from participant_identity").query(Long.class).single())
                .isEqualTo(1);

        // the same chunk again sees her: held when the other user is of the network, known in the project otherwise
        TestActors.run(MILANO, () -> tx.executeWithoutResult(s -> {
            ParticipantRegistry.Intake intake = registry.intake("milano", organisation, notice);
            ParticipantRegistry.Batch batch = intake.batch(List.of(karim, awa));
            intake.write(batch.check(karim), karim);
            ParticipantRegistry.Admission again = batch.check(awa);
            if (otherNetwork.equals("milano")) {
                assertThat(again.held()).isPresent();
            } else {
                assertThat(intake.write(again, awa).registration().alreadyRegisteredInProject()).isTrue();
            }
            batch.flush();
        }));
        assertThat(count()).isEqualTo(otherNetwork.equals("milano") ? 2 : 3);
        assertThat(jdbc.sql("select count(distinct person_id) from participant").query(Long.class).single())
                .isEqualTo(2);
    }

    private long count() {
        return jdbc.sql("select count(*) from participant").query(Long.class).single();
    }
}
