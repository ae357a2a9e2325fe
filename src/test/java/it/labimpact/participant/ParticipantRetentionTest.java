package it.labimpact.participant;

import static it.labimpact.participant.ParticipantFixtures.auditSince;
import static it.labimpact.participant.ParticipantFixtures.lastAuditId;
import static it.labimpact.participant.ParticipantFixtures.person;
import static it.labimpact.participant.ParticipantFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.TestActors;
import it.labimpact.audit.AuditTrail;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The retention job crypto-shreds every record once the retention period after the project's end is over. */
@SpringBootTest
class ParticipantRetentionTest {

    static final LocalDate BORN = LocalDate.of(1990, 3, 12);

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    ParticipantRepository repository;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void clean() {
        TestActors.clear();
        ParticipantFixtures.reset(jdbc);
    }

    @Test
    void shredsEverythingOnlyAfterTheRetentionPeriod() {
        register(registry, jdbc, TestActors.operator("milano"), person("Ndiaye", "Awa", BORN, null));
        register(registry, jdbc, TestActors.operator("cremasca"), person("Rossi", "Maria", BORN, "12345678903"));
        ParticipantRetention retention = new ParticipantRetention(repository, registry, audit, "2027-06-30", 5);
        long auditBefore = lastAuditId(jdbc);

        assertThat(retention.shredExpired(on("2032-06-30"))).as("the last day of retention").isZero();
        assertThat(vaultRows()).isEqualTo(2);

        assertThat(retention.shredExpired(on("2032-07-01"))).isEqualTo(2);

        assertThat(vaultRows()).isZero();
        assertThat(jdbc.sql("select count(*) from participant where erasure_reason = 'RETENTION'").query(Long.class)
                .single()).as("pseudonymous rows stay").isEqualTo(2);
        assertThat(auditSince(jdbc, auditBefore)).extracting(e -> e.get("action") + " by " + e.get("actor"))
                .containsExactly("participant.erase by system", "participant.erase by system",
                        "participant.retention by system");
        assertThat(retention.shredExpired(on("2040-01-01"))).as("nothing left to shred").isZero();
    }

    @Test
    void doesNothingWithoutAProjectEndDate() {
        register(registry, jdbc, TestActors.operator("milano"), person("Ndiaye", "Awa", BORN, null));

        assertThat(new ParticipantRetention(repository, registry, audit, "", 5).shredExpired(on("2100-01-01"))).isZero();
        assertThat(vaultRows()).isEqualTo(1);
    }

    private long vaultRows() {
        return jdbc.sql("select count(*) from participant_vault").query(Long.class).single();
    }

    private static Clock on(String date) {
        ZoneId rome = ZoneId.of("Europe/Rome");
        return Clock.fixed(LocalDate.parse(date).atStartOfDay(rome).plusHours(4).toInstant(), rome);
    }
}
