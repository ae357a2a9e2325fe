package it.labimpact.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityBulkLoad;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.participant.AssessmentKind;
import it.labimpact.participant.AssessmentPhase;
import it.labimpact.participant.EnrolmentStatus;
import it.labimpact.participant.ParticipantBulkLoad;
import it.labimpact.participant.ParticipantRecord;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.Sex;
import it.labimpact.partnership.PartnershipBulkLoad;
import it.labimpact.shared.bulk.CopyRows;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionTemplate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The synthetic data generator: the same seed gives the same rows and another seed other rows; the distributions
 * are roughly the specified ones at a small size; a load through the owners' ports writes everything labelled
 * synthetic, and the people it registers open through the registry like any other.
 */
@SpringBootTest(properties = "labimpact.synthetic.test-context=generator")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheticDataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final int PARTICIPANTS = 4_000;

    @Autowired SyntheticData data;
    @Autowired ParticipantRegistry registry;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired DataSource dataSource;

    private SyntheticGenerator.World world;
    private Recorder first;

    @BeforeAll
    void draw() {
        world = data.world();
        first = record(7);
    }

    private Recorder record(long seed) {
        Recorder recorder = new Recorder();
        new SyntheticGenerator(seed, PARTICIPANTS, TODAY).generate(world, recorder);
        return recorder;
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
        Recorder again = record(7);
        assertThat(again.digests).isEqualTo(first.digests);
        Recorder other = record(8);
        assertThat(other.digests.get("participant")).isNotEqualTo(first.digests.get("participant"));
        assertThat(other.digests.get("participant_attendance"))
                .isNotEqualTo(first.digests.get("participant_attendance"));
        assertThat(other.digests.get("activity_activity")).isNotEqualTo(first.digests.get("activity_activity"));
        assertThat(first.digests.keySet()).contains("partnership_network_comune", "partnership_organisation",
                "partnership_membership", "activity_activity", "activity_organisation", "activity_session",
                "participant", "participant_enrolment", "participant_attendance", "participant_assessment",
                "participant_outcome", "participant_survey_answer");
    }

    @Test
    void distributionsAreRoughlyTheSpecifiedOnes() {
        List<ParticipantBulkLoad.NewParticipant> people = first.participants;
        assertThat(people).hasSize(PARTICIPANTS);
        assertThat(share(people, p -> p.data().citizenship().equals("MA"))).isBetween(0.09, 0.15);
        assertThat(share(people, p -> p.data().citizenship().equals("AL"))).isBetween(0.07, 0.13);
        assertThat(share(people, p -> p.data().citizenship().equals("UA"))).isBetween(0.045, 0.095);
        assertThat(share(people, p -> p.data().sex() == Sex.F)).isBetween(0.48, 0.56);
        assertThat(share(people, p -> p.data().taxCode() == null)).as("missing codes").isBetween(0.26, 0.36);
        assertThat(share(people, p -> !p.data().vulnerabilities().isEmpty())).isBetween(0.05, 0.11);
        assertThat(people).allSatisfy(p -> assertThat(TODAY.getYear() - p.data().birthDate().getYear())
                .isBetween(14, 72));
        // persons registered by two networks
        Map<UUID, List<ParticipantBulkLoad.NewParticipant>> byPerson = people.stream()
                .collect(Collectors.groupingBy(ParticipantBulkLoad.NewParticipant::personId));
        List<List<ParticipantBulkLoad.NewParticipant>> twice = byPerson.values().stream().filter(l -> l.size() > 1)
                .toList();
        assertThat(twice.size() / (double) PARTICIPANTS).isBetween(0.03, 0.06);
        assertThat(twice).allSatisfy(l -> {
            assertThat(l.get(0).networkCode()).isNotEqualTo(l.get(1).networkCode());
            assertThat(List.of(l.get(1).data().surname(), l.get(1).data().givenNames(), l.get(1).data().birthDate(),
                    String.valueOf(l.get(1).data().taxCode()))).as("same person, same personal data")
                    .isEqualTo(List.of(l.get(0).data().surname(), l.get(0).data().givenNames(),
                            l.get(0).data().birthDate(), String.valueOf(l.get(0).data().taxCode())));
        });
        // dropout: withdrawn among the enrolments of ended activities about 6%
        List<ParticipantBulkLoad.NewEnrolment> ended = first.enrolments.stream()
                .filter(e -> first.activityStatus(e.activityId()) == ActivityStatus.COMPLETED).toList();
        assertThat(ended).hasSizeGreaterThan(1000);
        assertThat(share(ended, e -> e.status() == EnrolmentStatus.WITHDRAWN)).isBetween(0.04, 0.08);
        assertThat(share(ended, e -> e.status() == EnrolmentStatus.COMPLETED)).isBetween(0.70, 0.80);
        // CEFR entry levels from pre-alphabetic to B1; exits zero to two levels up
        Set<String> entries = first.assessments.stream().filter(a -> a.kind() == AssessmentKind.ITALIAN_L2
                && a.phase() == AssessmentPhase.ENTRY).map(a -> a.languageLevel()).collect(Collectors.toSet());
        assertThat(entries).containsExactlyInAnyOrder("PRE_ALPHA", "ALPHA", "PRE_A1", "A1", "A2", "B1");
        // every type across the three actions, about ten attendance rows per participant, 85% present
        assertThat(first.activities.stream().map(ActivityBulkLoad.NewActivity::typeCode).distinct().count())
                .isEqualTo(13);
        assertThat(first.attendance / (double) PARTICIPANTS).isBetween(5.0, 20.0);
        assertThat(first.present / (double) first.attendance).isBetween(0.82, 0.88);
    }

    @Test
    void aLoadIsLabelledSyntheticAndItsPeopleOpenThroughTheRegistry() {
        SyntheticData.Result result = data.load(SyntheticSize.DEMO, 11, TODAY);
        assertThat(result).isNotNull();
        assertThat(data.load(SyntheticSize.DEMO, 11, TODAY)).as("loaded once").isNull();
        assertThat(count("select count(*) from participant")).isEqualTo(SyntheticSize.DEMO.participants());
        assertThat(count("select count(*) from participant where registered_by <> 'synthetic'")).isZero();
        assertThat(count("select count(*) from participant_vault")).isEqualTo(
                count("select count(*) from participant where erased_at is null"));
        assertThat(count("select count(*) from participant_identity")).isPositive();
        assertThat(count("select count(*) from participant_near_key")).isPositive();
        assertThat(count("select count(*) from partnership_organisation where demo")).isEqualTo(
                count("select count(*) from partnership_organisation where demo and name like '[SINTETICO] %'"))
                .isPositive();
        assertThat(count("select count(*) from activity_activity")).isEqualTo(
                count("select count(*) from activity_activity where demo and title like '[SINTETICO] %'"));
        assertThat(count("select count(*) from participant_attendance"))
                .isEqualTo(result.rows("participant_attendance")).isPositive();
        assertThat(count("select count(*) from participant_enrolment where created_by = 'synthetic'"))
                .isEqualTo(result.rows("participant_enrolment"));
        assertThat(count("select count(*) from partnership_network_comune where source = 'DEMO'")).isPositive();

        UUID someone = jdbc.sql("select id from participant where erased_at is null order by id limit 1")
                .query(UUID.class).single();
        ParticipantRecord record = TestActors.call(TestActors.coordinator(), () -> registry.read(someone));
        assertThat(record.personal().surname()).startsWith("[SINTETICO] ");
        assertThat(record.personal().email()).satisfiesAnyOf(e -> assertThat(e).isNull(),
                e -> assertThat(e).endsWith("@sintetico.example"));
    }

    @Test
    void copyRowsKeepsAwkwardTextBytesAndNulls() {
        String awkward = "tab\there, new\nline, back\\slash, \\N, accènt, 'quote', ;semi";
        byte[] bytes = {0, 1, (byte) 0xff, 92, 9, 10};
        List<Object> read = transactions.execute(t -> {
            jdbc.sql("create temporary table copy_check (t text, b bytea, n bigint, u uuid) on commit drop").update();
            try (CopyRows copy = CopyRows.into(dataSource, "copy_check", "t", "b", "n", "u")) {
                copy.add(awkward).add(bytes).add((Long) null).add(UUID.fromString("00000000-0000-4000-8000-000000000001"));
                copy.endRow();
                assertThat(copy.finish()).isEqualTo(1);
            }
            return jdbc.sql("select t, b, n, u from copy_check").query((rs, i) -> List.<Object>of(rs.getString(1),
                    rs.getBytes(2), String.valueOf(rs.getObject(3)), rs.getObject(4))).single();
        });
        assertThat(read.get(0)).isEqualTo(awkward);
        assertThat((byte[]) read.get(1)).isEqualTo(bytes);
        assertThat(read.get(2)).isEqualTo("null");
        assertThat(read.get(3)).isEqualTo(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static <T> double share(List<T> rows, java.util.function.Predicate<T> p) {
        return rows.stream().filter(p).count() / (double) rows.size();
    }

    /** Records what the generator hands over, with a digest per table. */
    private static final class Recorder implements SyntheticSink {

        final Map<String, String> digests = new HashMap<>();
        final List<ParticipantBulkLoad.NewParticipant> participants = new ArrayList<>();
        final List<ParticipantBulkLoad.NewEnrolment> enrolments = new ArrayList<>();
        final List<ParticipantBulkLoad.NewAssessment> assessments = new ArrayList<>();
        final List<ActivityBulkLoad.NewActivity> activities = new ArrayList<>();
        long attendance;
        long present;
        private long firstActivity;

        ActivityStatus activityStatus(long id) {
            return activities.get((int) (id - firstActivity)).status();
        }

        private void digest(String table, Iterator<?> rows) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                while (rows.hasNext()) {
                    md.update(String.valueOf(rows.next()).getBytes(StandardCharsets.UTF_8));
                }
                digests.put(table, HexFormat.of().formatHex(md.digest()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void cover(Map<String, List<String>> comuniByNetwork) {
            digest("partnership_network_comune", new java.util.TreeMap<>(comuniByNetwork).entrySet().iterator());
        }

        @Override
        public long organisations(List<PartnershipBulkLoad.NewOrganisation> organisations) {
            digest("partnership_organisation", organisations.iterator());
            return 1000;
        }

        @Override
        public void memberships(List<PartnershipBulkLoad.NewMembership> memberships) {
            digest("partnership_membership", memberships.iterator());
        }

        @Override
        public long activities(List<ActivityBulkLoad.NewActivity> rows) {
            activities.addAll(rows);
            digest("activity_activity", rows.iterator());
            firstActivity = 1;
            return 1;
        }

        @Override
        public void activityOrganisations(Iterator<ActivityBulkLoad.NewOrganisation> organisations) {
            digest("activity_organisation", organisations);
        }

        @Override
        public long sessions(Iterator<ActivityBulkLoad.NewSession> sessions) {
            digest("activity_session", sessions);
            return 1;
        }

        @Override
        public void participants(int count, IntFunction<ParticipantBulkLoad.NewParticipant> source) {
            for (int i = 0; i < count; i++) {
                ParticipantBulkLoad.NewParticipant p = source.apply(i);
                assertThat(source.apply(i)).isEqualTo(p);
                participants.add(p);
            }
            digest("participant", participants.iterator());
        }

        @Override
        public long enrolments(Iterator<ParticipantBulkLoad.NewEnrolment> rows) {
            rows.forEachRemaining(enrolments::add);
            digest("participant_enrolment", enrolments.iterator());
            return 1;
        }

        @Override
        public void attendance(Iterator<ParticipantBulkLoad.NewAttendance> marks) {
            List<ParticipantBulkLoad.NewAttendance> all = new ArrayList<>();
            marks.forEachRemaining(all::add);
            attendance = all.size();
            present = all.stream().filter(ParticipantBulkLoad.NewAttendance::present).count();
            digest("participant_attendance", all.iterator());
        }

        @Override
        public void assessments(Iterator<ParticipantBulkLoad.NewAssessment> rows) {
            rows.forEachRemaining(assessments::add);
            digest("participant_assessment", assessments.iterator());
        }

        @Override
        public void outcomes(Iterator<ParticipantBulkLoad.NewOutcome> outcomes) {
            digest("participant_outcome", outcomes);
        }

        @Override
        public void surveyAnswers(Iterator<ParticipantBulkLoad.NewSurveyAnswer> answers) {
            digest("participant_survey_answer", answers);
        }
    }
}
