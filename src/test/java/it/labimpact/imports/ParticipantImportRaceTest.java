package it.labimpact.imports;

import static it.labimpact.imports.ImportFixtures.csv;
import static it.labimpact.imports.ImportFixtures.iso;
import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.TestActors;
import it.labimpact.participant.ParticipantFixtures;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.shared.Actor;
import it.labimpact.shared.csv.CsvTable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Another user registers a person of the file while its chunk is being checked (between the chunk's reads and its
 * writes): the chunk is rolled back to its savepoint and checked again, so the person is not duplicated — held by
 * the network ("already present") when the other user is of the same network, registered and known in the project
 * otherwise — and the rest of the chunk is written once.
 */
@SpringBootTest
class ParticipantImportRaceTest {

    static final Actor MILANO = ImportFixtures.milano();
    static final LocalDate BORN = LocalDate.of(1990, 3, 12);

    @Autowired
    ParticipantRows handler;

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    ImportSettings settings;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void clean() {
        handler.beforeFlush = () -> { };
        TestActors.clear();
        ParticipantFixtures.reset(jdbc);
        jdbc.sql("delete from imports_job").update();
    }

    @Test
    void aPersonRegisteredMeanwhileInTheNetworkIsAlreadyPresent() {
        List<List<ImportNote>> notes = race("milano");

        assertThat(notes.get(0)).isEmpty();
        assertThat(notes.get(1)).extracting(ImportNote::messageKey).containsExactly("imports.row.present");
        assertThat(count("milano")).isEqualTo(2);
    }

    @Test
    void aPersonRegisteredMeanwhileInAnotherNetworkIsRegisteredHereAsKnownInTheProject() {
        long auditMark = ParticipantFixtures.lastAuditId(jdbc);
        List<List<ImportNote>> notes = race("cremasca");

        assertThat(notes).allMatch(List::isEmpty);
        assertThat(count("milano")).isEqualTo(2);
        assertThat(count("cremasca")).isEqualTo(1);
        assertThat(jdbc.sql("select count(distinct person_id) from participant").query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where id > :mark and action = 'participant.register'
                  and details ->> 'alreadyRegisteredInProject' = 'true'""").param("mark", auditMark)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** Commits a file of two new people; the other network's user registers the second once, meanwhile. */
    private List<List<ImportNote>> race(String otherNetwork) {
        long organisation = ParticipantFixtures.leadOrganisation(jdbc, "milano");
        long otherOrganisation = ParticipantFixtures.leadOrganisation(jdbc, otherNetwork);
        int notice = ParticipantFixtures.currentNotice(jdbc);
        byte[] file = csv(StandardCharsets.UTF_8, ParticipantImportEqualityTest.HEADER,
                "Mohamed,Karim,M,1988-07-01,EG,EG,,015146," + iso(10) + ",,",
                "Ndiaye,Awa,F,1990-03-12,MA,MA,,015146," + iso(10) + ",,");
        CsvTable table = SpreadsheetReader.read(file, settings,
                header -> ImportColumn.known(handler.columns(), header));
        AtomicInteger flushes = new AtomicInteger();
        ExecutorService elsewhere = Executors.newSingleThreadExecutor();
        handler.beforeFlush = () -> {
            if (flushes.incrementAndGet() == 1) {
                try {
                    elsewhere.submit(() -> TestActors.run(TestActors.lead(otherNetwork),
                            () -> registry.register(otherNetwork, otherOrganisation, notice,
                                    ParticipantFixtures.person("Ndiaye", "Awa", BORN, null)))).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        try {
            List<List<ImportNote>> notes = TestActors.call(MILANO, () -> new TransactionTemplate(transactions)
                    .execute(s -> handler.open(new ImportRunner.Request(0, ImportMode.COMMIT, organisation, notice))
                            .rows(table.rows())));
            assertThat(flushes).as("checked twice").hasValue(2);
            return notes;
        } finally {
            elsewhere.shutdown();
        }
    }

    private long count(String network) {
        return jdbc.sql("select count(*) from participant where network_code = :n").param("n", network)
                .query(Long.class).single();
    }
}
