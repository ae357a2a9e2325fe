package it.labimpact.synthetic;

import it.labimpact.activity.ActivityBulkLoad;
import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityTypeView;
import it.labimpact.participant.ParticipantBulkLoad;
import it.labimpact.partnership.Partnership;
import it.labimpact.partnership.PartnershipBulkLoad;
import it.labimpact.territory.ComuneQuery;
import it.labimpact.territory.TerritoryCatalogue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a synthetic data set: draws it ({@link SyntheticGenerator}) and hands the rows to the owners' bulk-load
 * ports, which write them with {@code COPY}, all in one transaction (a failure leaves nothing). Refuses to load twice
 * into the same database (participants registered by {@code synthetic} present).
 *
 * <p>The indicator store: the owners' change feeds fire on {@code COPY} (statement-level triggers), so the store's
 * refresher finds every loaded person and, as they are many, rebuilds the store from the facts.
 */
@Service
public class SyntheticData {

    private static final Logger log = LoggerFactory.getLogger(SyntheticData.class);

    /** Rows loaded into one table, and the time it took (drawing included). */
    public record Step(String table, long rows, double seconds) {
        public double rowsPerSecond() {
            return seconds <= 0 ? 0 : rows / seconds;
        }
    }

    /** What a load did: the steps in order and the total time (commit included). */
    public record Result(SyntheticSize size, long seed, LocalDate today, List<Step> steps, double seconds) {
        public long rows(String table) {
            return steps.stream().filter(s -> s.table().equals(table)).mapToLong(Step::rows).sum();
        }
    }

    private final PartnershipBulkLoad partnershipLoad;
    private final ActivityBulkLoad activityLoad;
    private final ParticipantBulkLoad participantLoad;
    private final Partnership partnership;
    private final ActivityCatalogue activities;
    private final TerritoryCatalogue territory;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    SyntheticData(PartnershipBulkLoad partnershipLoad, ActivityBulkLoad activityLoad,
            ParticipantBulkLoad participantLoad, Partnership partnership, ActivityCatalogue activities,
            TerritoryCatalogue territory, TransactionTemplate transactions, JdbcClient jdbc) {
        this.partnershipLoad = partnershipLoad;
        this.activityLoad = activityLoad;
        this.participantLoad = participantLoad;
        this.partnership = partnership;
        this.activities = activities;
        this.territory = territory;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** Whether a synthetic data set is loaded already. */
    public boolean loaded() {
        return participantLoad.registeredBy(SyntheticGenerator.ACCOUNT) > 0;
    }

    /**
     * Loads the data set of this size and seed, with activity and enrolment states as of {@code today}; returns
     * what it did, or {@code null} when a synthetic data set is there already.
     */
    public Result load(SyntheticSize size, long seed, LocalDate today) {
        if (loaded()) {
            log.info("Synthetic data: already loaded, nothing done");
            return null;
        }
        long started = System.nanoTime();
        List<Step> steps = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            // fewer waits on the log during the load; the commit is still durable once it returns
            jdbc.sql("set local synchronous_commit = off").update();
            jdbc.sql("set local work_mem = '256MB'").update();
            SyntheticGenerator generator = new SyntheticGenerator(seed, size.participants(), today);
            generator.generate(world(), new PortSink(steps, size.nearKeys()));
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        Result result = new Result(size, seed, today, List.copyOf(steps), seconds);
        log.info("Synthetic data: size {}, seed {}, loaded in {} s: {}", size, seed, String.format("%.1f", seconds),
                steps.stream().map(s -> String.format("%s %,d rows %.1f s", s.table(), s.rows(), s.seconds()))
                        .collect(Collectors.joining("; ")));
        return result;
    }

    SyntheticGenerator.World world() {
        Map<String, String> coverage = partnership.coverage();
        List<SyntheticGenerator.NetworkInput> networks = partnershipLoad.networks().stream()
                .map(n -> new SyntheticGenerator.NetworkInput(n.code(), n.ordinal(), n.leadOrganisationId(),
                        n.leadSeatIstat(), partnership.comuniCoveredBy(n.code()).stream().sorted().toList()))
                .toList();
        List<SyntheticGenerator.ComuneInput> comuni = territory.allComuni(new ComuneQuery(null, null, null)).stream()
                .map(c -> new SyntheticGenerator.ComuneInput(c.istatCode(), c.name(), c.lat(), c.lon())).toList();
        Map<String, String> labels = activities.types().stream()
                .collect(Collectors.toMap(ActivityTypeView::code, ActivityTypeView::labelIt));
        return new SyntheticGenerator.World(networks, comuni, coverage.keySet(), labels);
    }

    /** The sink that writes through the owners' ports, timing each table. */
    private final class PortSink implements SyntheticSink {

        private final List<Step> steps;
        private final boolean nearKeys;

        PortSink(List<Step> steps, boolean nearKeys) {
            this.steps = steps;
            this.nearKeys = nearKeys;
        }

        private long timed(String table, Supplier<Long> load) {
            long t = System.nanoTime();
            long rows = load.get();
            steps.add(new Step(table, rows, (System.nanoTime() - t) / 1e9));
            return rows;
        }

        private long timedFirst(String table, long[] rows, Supplier<Long> load) {
            long t = System.nanoTime();
            long first = load.get();
            steps.add(new Step(table, rows[0], (System.nanoTime() - t) / 1e9));
            return first;
        }

        private <T> Iterator<T> counted(Iterator<T> it, long[] count) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public T next() {
                    count[0]++;
                    return it.next();
                }
            };
        }

        @Override
        public void cover(Map<String, List<String>> comuniByNetwork) {
            timed("partnership_network_comune", () -> partnershipLoad.cover(comuniByNetwork));
        }

        @Override
        public long organisations(List<PartnershipBulkLoad.NewOrganisation> organisations) {
            return timedFirst("partnership_organisation", new long[] {organisations.size()},
                    () -> partnershipLoad.organisations(organisations));
        }

        @Override
        public void memberships(List<PartnershipBulkLoad.NewMembership> memberships) {
            timed("partnership_membership", () -> partnershipLoad.memberships(memberships));
        }

        @Override
        public long activities(List<ActivityBulkLoad.NewActivity> rows) {
            return timedFirst("activity_activity", new long[] {rows.size()}, () -> activityLoad.activities(rows));
        }

        @Override
        public void activityOrganisations(Iterator<ActivityBulkLoad.NewOrganisation> organisations) {
            timed("activity_organisation", () -> activityLoad.organisations(organisations));
        }

        @Override
        public long sessions(Iterator<ActivityBulkLoad.NewSession> sessions) {
            long[] count = {0};
            long t = System.nanoTime();
            long first = activityLoad.sessions(counted(sessions, count));
            steps.add(new Step("activity_session", count[0], (System.nanoTime() - t) / 1e9));
            return first;
        }

        @Override
        public void participants(int count, IntFunction<ParticipantBulkLoad.NewParticipant> source) {
            participantLoad.participants(count, source, SyntheticGenerator.ACCOUNT, nearKeys)
                    .forEach(l -> steps.add(new Step(l.table(), l.rows(), l.nanos() / 1e9)));
        }

        @Override
        public long enrolments(Iterator<ParticipantBulkLoad.NewEnrolment> enrolments) {
            long[] count = {0};
            long t = System.nanoTime();
            long first = participantLoad.enrolments(counted(enrolments, count), SyntheticGenerator.ACCOUNT);
            steps.add(new Step("participant_enrolment", count[0], (System.nanoTime() - t) / 1e9));
            return first;
        }

        @Override
        public void attendance(Iterator<ParticipantBulkLoad.NewAttendance> marks) {
            timed("participant_attendance", () -> participantLoad.attendance(marks, SyntheticGenerator.ACCOUNT));
        }

        @Override
        public void assessments(Iterator<ParticipantBulkLoad.NewAssessment> assessments) {
            timed("participant_assessment", () -> participantLoad.assessments(assessments,
                    SyntheticGenerator.ACCOUNT));
        }

        @Override
        public void outcomes(Iterator<ParticipantBulkLoad.NewOutcome> outcomes) {
            timed("participant_outcome", () -> participantLoad.outcomes(outcomes, SyntheticGenerator.ACCOUNT));
        }

        @Override
        public void surveyAnswers(Iterator<ParticipantBulkLoad.NewSurveyAnswer> answers) {
            timed("participant_survey_answer", () -> participantLoad.surveyAnswers(answers));
        }
    }
}
