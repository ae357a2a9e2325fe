package it.labimpact.imports;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityData;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.participant.ParticipantFixtures;
import it.labimpact.shared.Actor;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Activities, files and counts for the import tests. */
final class ImportFixtures {

    static final DateTimeFormatter ITALIAN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ImportFixtures() {
    }

    /** An Italian course of the network, from 20 days ago to 40 days ahead, created as a coordinator. */
    static long course(ActivityManagement management, JdbcClient jdbc, String network) {
        return TestActors.call(TestActors.coordinator(), () -> {
            LocalDate start = LocalDate.now().minusDays(20);
            long lead = ParticipantFixtures.leadOrganisation(jdbc, network);
            return management.create(new ActivityData("Corso di italiano – import", "ITALIAN_L2", network, lead,
                    List.of(), network.equals("milano") ? ParticipantFixtures.MILANO : ParticipantFixtures.CREMA, null,
                    start, start.plusDays(60), new BigDecimal("20"), List.of("it"), null, null, null,
                    ActivityStatus.ONGOING, null));
        });
    }

    /** The rows the owners' tables hold: what a failed commit must leave unchanged. */
    static Map<String, Long> counts(JdbcClient jdbc) {
        return Map.of("participant", count(jdbc, "participant"), "vault", count(jdbc, "participant_vault"),
                "identity", count(jdbc, "participant_identity"), "enrolment", count(jdbc, "participant_enrolment"));
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Lines joined by CRLF, as Excel writes them, encoded in {@code charset}. */
    static byte[] csv(Charset charset, String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }

    static byte[] withBom(byte[] utf8) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        out.writeBytes(utf8);
        return out.toByteArray();
    }

    static String day(int daysAgo) {
        return LocalDate.now().minusDays(daysAgo).format(ITALIAN);
    }

    static String iso(int daysAgo) {
        return LocalDate.now().minusDays(daysAgo).toString();
    }

    static Actor milano() {
        return TestActors.operator("milano");
    }

    /** The job once finished, polled as the network's operator would (at most 30 s). */
    static ImportJob await(Imports imports, Actor actor, long id) {
        for (int i = 0; i < 600; i++) {
            ImportJob job = TestActors.call(actor, () -> imports.job(id));
            if (job.status().finished()) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    /** A refused row as the report gives it. */
    static ImportNote rejected(int line, String column, String key, String... args) {
        return new ImportNote(line, ImportNote.Outcome.REJECTED, column, key, List.of(args));
    }
}
