package it.labimpact.participant;

import it.labimpact.participant.vault.IdentityHashes;
import it.labimpact.shared.bulk.CopyRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk loading of the participant module's tables with {@code COPY} (the synthetic data generator): participants
 * with their vault rows sealed by the real vault (a data key per person, {@link SealedFields}), their identity
 * hashes for de-duplication and, when asked, their near keys; enrolments, attendance, assessments, outcomes and
 * survey answers. Runs inside the caller's transaction. The loaded people open on the participant screens like any
 * other: the vault, hashes and pseudonymous rows are the ones registration writes.
 *
 * <p>The owner's change feed ({@code participant_fact_change}, statement-level triggers) fires on {@code COPY} too:
 * the indicator store brings the loaded persons up to date, or rebuilds itself when they are many.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class ParticipantBulkLoad {

    /** Records sealed per parallel batch. */
    private static final int BATCH = 4096;

    /**
     * A participant record. {@code data.residence()} is an ISTAT code. {@code firstOfPerson}: the person's first
     * record in the load (it claims the identity hashes). {@code erased}: erased on request (no vault row).
     */
    public record NewParticipant(UUID id, UUID personId, String networkCode, long organisationId,
            ParticipantData data, boolean firstOfPerson, boolean erased) {
    }

    public record NewEnrolment(UUID participantId, long activityId, EnrolmentStatus status, String withdrawalReason,
            LocalDate enrolledOn, LocalDate endedOn) {
    }

    public record NewAttendance(long enrolmentId, long sessionId, boolean present, BigDecimal hours,
            LocalDate recordedOn) {
    }

    public record NewAssessment(UUID participantId, AssessmentKind kind, AssessmentPhase phase, LocalDate assessedOn,
            String languageLevel, Integer digcompLevel, String digcompArea, AssessmentInstrument instrument,
            CertificationBody certificationBody, Long activityId) {
    }

    public record NewOutcome(UUID participantId, OutcomeType type, LocalDate occurredOn, AssessmentPhase phase,
            EmploymentStatus employmentStatus, Long activityId) {
    }

    public record NewSurveyAnswer(UUID participantId, long activityId, SurveyAnswers.Helpful helpful,
            int contentUseful, int scheduleSuitable, int wouldRecommend, int staffUnderstood, boolean byLink,
            LocalDate answeredOn, String enteredBy) {
    }

    /** Rows written per table, and the time spent. */
    public record Loaded(String table, long rows, long nanos) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final SealedFields sealed;
    private final IdentityHashes hashes;
    private final ParticipantRepository repository;

    ParticipantBulkLoad(JdbcClient jdbc, DataSource dataSource, SealedFields sealed, IdentityHashes hashes,
            ParticipantRepository repository) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.sealed = sealed;
        this.hashes = hashes;
        this.repository = repository;
    }

    /** How many participant records an account registered (a load already done). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public long registeredBy(String account) {
        return jdbc.sql("select count(*) from participant where registered_by = :a").param("a", account)
                .query(Long.class).single();
    }

    /**
     * Loads {@code count} participants, {@code source.apply(i)} being the i-th (called more than once per index: it
     * must give the same record each time). Sealing runs on all cores.
     *
     * @param registeredBy the account recorded as registering them
     * @param nearKeys whether to write the near keys of the review queue (about 20 rows per person)
     */
    public List<Loaded> participants(int count, IntFunction<NewParticipant> source, String registeredBy,
            boolean nearKeys) {
        List<Loaded> loaded = new ArrayList<>();
        int notice = Math.max(1, repository.currentNoticeVersion());
        long t = System.nanoTime();
        try (CopyRows copy = CopyRows.into(dataSource, "participant", "id", "person_id", "network_code",
                "organisation_id", "registered_at", "registered_by", "first_contact_date", "sex", "birth_year",
                "citizenship", "residence_istat", "consent_notice_version", "consent_at", "updated_at", "vulnerable",
                "erased_at", "erasure_reason")) {
            for (int i = 0; i < count; i++) {
                NewParticipant p = source.apply(i);
                ParticipantData d = p.data();
                String at = d.firstContactDate() + " 10:00:00";
                copy.add(p.id()).add(p.personId()).add(p.networkCode()).add(p.organisationId()).addRaw(at)
                        .add(registeredBy).add(d.firstContactDate()).addRaw(d.sex().name())
                        .add(d.birthDate().getYear()).addRaw(d.citizenship()).addRaw(d.residence()).add(notice)
                        .addRaw(at).addRaw(at).add(!d.vulnerabilities().isEmpty());
                if (p.erased()) {
                    copy.addRaw(d.firstContactDate().plusDays(200) + " 12:00:00").addRaw("REQUEST");
                } else {
                    copy.addNull().addNull();
                }
                copy.endRow();
            }
            loaded.add(new Loaded("participant", copy.finish(), System.nanoTime() - t));
        }

        t = System.nanoTime();
        try (CopyRows copy = CopyRows.into(dataSource, "participant_vault", columns("participant_id", "key_id",
                "wrapped_key"))) {
            for (int from = 0; from < count; from += BATCH) {
                int to = Math.min(count, from + BATCH);
                List<ParticipantRepository.VaultRow> rows = IntStream.range(from, to).parallel()
                        .mapToObj(source).filter(p -> !p.erased())
                        .map(p -> sealed.seal(p.id(), p.data())).toList();
                for (ParticipantRepository.VaultRow v : rows) {
                    copy.add(v.participantId()).add(v.keyId()).add(v.wrappedKey());
                    ParticipantRepository.FIELDS.forEach(f -> copy.add(v.fields().get(f)));
                    copy.endRow();
                }
            }
            loaded.add(new Loaded("participant_vault", copy.finish(), System.nanoTime() - t));
        }

        // identity hashes: staged, then claimed like registration does (a hash already mapped keeps its person)
        t = System.nanoTime();
        jdbc.sql("create temporary table participant_identity_load (hash bytea, kind text, person_id uuid)"
                + " on commit drop").update();
        try (CopyRows copy = CopyRows.into(dataSource, "participant_identity_load", "hash", "kind", "person_id")) {
            for (int from = 0; from < count; from += BATCH) {
                int to = Math.min(count, from + BATCH);
                List<Object[]> rows = IntStream.range(from, to).parallel().mapToObj(source)
                        .filter(p -> p.firstOfPerson() && !p.erased())
                        .flatMap(p -> identityRows(p).stream()).toList();
                for (Object[] r : rows) {
                    copy.add((byte[]) r[0]).addRaw((String) r[1]).add((UUID) r[2]);
                    copy.endRow();
                }
            }
            copy.finish();
        }
        long identities = jdbc.sql("insert into participant_identity (hash, kind, person_id) select hash, kind,"
                + " person_id from participant_identity_load on conflict (hash) do nothing").update();
        jdbc.sql("drop table participant_identity_load").update();
        loaded.add(new Loaded("participant_identity", identities, System.nanoTime() - t));

        if (nearKeys) {
            t = System.nanoTime();
            try (CopyRows copy = CopyRows.into(dataSource, "participant_near_key", "key", "participant_id")) {
                for (int from = 0; from < count; from += BATCH) {
                    int to = Math.min(count, from + BATCH);
                    List<Object[]> rows = IntStream.range(from, to).parallel().mapToObj(source)
                            .filter(p -> !p.erased())
                            .map(p -> new Object[] {p.id(), hashes.nearKeys(p.data().surname(),
                                    p.data().givenNames(), p.data().birthDate())}).toList();
                    for (Object[] r : rows) {
                        @SuppressWarnings("unchecked")
                        Set<Long> keys = (Set<Long>) r[1];
                        for (long key : keys) {
                            copy.add(key).add((UUID) r[0]);
                            copy.endRow();
                        }
                    }
                }
                loaded.add(new Loaded("participant_near_key", copy.finish(), System.nanoTime() - t));
            }
        }
        return loaded;
    }

    private List<Object[]> identityRows(NewParticipant p) {
        ParticipantData d = p.data();
        List<Object[]> rows = new ArrayList<>(2);
        String code = TaxCode.normalise(d.taxCode());
        if (code != null) {
            rows.add(new Object[] {hashes.code(code), "CODE", p.personId()});
        }
        rows.add(new Object[] {hashes.person(d.surname(), d.givenNames(), d.birthDate(), d.sex().name(),
                d.birthCountry()), "NAME_DOB_SEX_COUNTRY", p.personId()});
        return rows;
    }

    /** Inserts the enrolments with consecutive ids; returns the first id. */
    public long enrolments(Iterator<NewEnrolment> enrolments, String createdBy) {
        jdbc.sql("lock table participant_enrolment in share row exclusive mode").update();
        long first = jdbc.sql("select coalesce(max(id), 0) + 1 from participant_enrolment").query(Long.class).single();
        try (CopyRows copy = CopyRows.into(dataSource, "participant_enrolment", "id", "participant_id", "activity_id",
                "status", "withdrawal_reason", "enrolled_on", "ended_on", "created_by", "created_at", "updated_at")) {
            long id = first;
            while (enrolments.hasNext()) {
                NewEnrolment e = enrolments.next();
                String at = e.enrolledOn() + " 10:00:00";
                copy.add(id++).add(e.participantId()).add(e.activityId()).addRaw(e.status().name())
                        .add(e.withdrawalReason()).add(e.enrolledOn()).add(e.endedOn()).add(createdBy).addRaw(at)
                        .addRaw(at);
                copy.endRow();
            }
            copy.finish();
        }
        jdbc.sql("select setval(pg_get_serial_sequence('participant_enrolment', 'id'),"
                + " greatest(1, (select max(id) from participant_enrolment)))").query().singleValue();
        return first;
    }

    public long attendance(Iterator<NewAttendance> marks, String recordedBy) {
        try (CopyRows copy = CopyRows.into(dataSource, "participant_attendance", "enrolment_id", "session_id",
                "present", "hours", "recorded_by", "recorded_at")) {
            while (marks.hasNext()) {
                NewAttendance a = marks.next();
                copy.add(a.enrolmentId()).add(a.sessionId()).add(a.present()).addRaw(a.hours().toPlainString())
                        .add(recordedBy).addRaw(a.recordedOn() + " 20:00:00");
                copy.endRow();
            }
            return copy.finish();
        }
    }

    public long assessments(Iterator<NewAssessment> assessments, String recordedBy) {
        try (CopyRows copy = CopyRows.into(dataSource, "participant_assessment", "participant_id", "kind", "phase",
                "assessed_on", "language_level", "digcomp_level", "digcomp_area", "instrument", "certification_body",
                "activity_id", "recorded_by", "recorded_at")) {
            while (assessments.hasNext()) {
                NewAssessment a = assessments.next();
                copy.add(a.participantId()).addRaw(a.kind().name()).addRaw(a.phase().name()).add(a.assessedOn())
                        .add(a.languageLevel()).add(a.digcompLevel()).add(a.digcompArea())
                        .addRaw(a.instrument().name())
                        .add(a.certificationBody() == null ? null : a.certificationBody().name())
                        .add(a.activityId()).add(recordedBy).addRaw(a.assessedOn() + " 12:00:00");
                copy.endRow();
            }
            return copy.finish();
        }
    }

    /** Outcomes; one already recorded for the same person, type and day is skipped (as the screens refuse it). */
    public long outcomes(Iterator<NewOutcome> outcomes, String recordedBy) {
        jdbc.sql("create temporary table participant_outcome_load (like participant_outcome including defaults)"
                + " on commit drop").update();
        try (CopyRows copy = CopyRows.into(dataSource, "participant_outcome_load", "participant_id", "type",
                "occurred_on", "phase", "employment_status", "activity_id", "recorded_by", "recorded_at")) {
            while (outcomes.hasNext()) {
                NewOutcome o = outcomes.next();
                copy.add(o.participantId()).addRaw(o.type().name()).add(o.occurredOn())
                        .add(o.phase() == null ? null : o.phase().name())
                        .add(o.employmentStatus() == null ? null : o.employmentStatus().name()).add(o.activityId())
                        .add(recordedBy).addRaw(o.occurredOn() + " 12:00:00");
                copy.endRow();
            }
            copy.finish();
        }
        long rows = jdbc.sql("""
                insert into participant_outcome (participant_id, type, occurred_on, phase, employment_status,
                    activity_id, recorded_by, recorded_at)
                select participant_id, type, occurred_on, phase, employment_status, activity_id, recorded_by, recorded_at
                from participant_outcome_load order by participant_id, occurred_on
                on conflict (participant_id, type, occurred_on) do nothing""").update();
        jdbc.sql("drop table participant_outcome_load").update();
        return rows;
    }

    public long surveyAnswers(Iterator<NewSurveyAnswer> answers) {
        try (CopyRows copy = CopyRows.into(dataSource, "participant_survey_answer", "participant_id", "activity_id",
                "helpful", "content_useful", "schedule_suitable", "would_recommend", "staff_understood", "source",
                "answered_at", "entered_by")) {
            while (answers.hasNext()) {
                NewSurveyAnswer a = answers.next();
                copy.add(a.participantId()).add(a.activityId()).addRaw(a.helpful().name()).add(a.contentUseful())
                        .add(a.scheduleSuitable()).add(a.wouldRecommend()).add(a.staffUnderstood())
                        .addRaw(a.byLink() ? "LINK" : "OPERATOR").addRaw(a.answeredOn() + " 18:00:00")
                        .add(a.enteredBy());
                copy.endRow();
            }
            return copy.finish();
        }
    }

    private static String[] columns(String... first) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(ParticipantRepository.FIELDS);
        return all.toArray(String[]::new);
    }
}
