package it.labimpact.participant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the assessment, outcome and survey tables of the participant module. */
@Repository
class AssessmentRepository {

    /** A survey link row, found by the hash of its token. */
    record LinkRow(long id, UUID participantId, long activityId, String activityTitle, String language,
            Instant expiresAt, Instant usedAt) {
    }

    private final JdbcClient jdbc;

    AssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- assessments ---

    long insertAssessment(UUID participant, AssessmentKind kind, AssessmentData d, LanguageLevel language,
            Integer digComp, String by) {
        return jdbc.sql("""
                insert into participant_assessment (participant_id, kind, phase, assessed_on, language_level,
                    digcomp_level, digcomp_area, instrument, certification_body, activity_id, assessor_organisation_id,
                    recorded_by)
                values (:p, :kind, :phase, :date, :lang, :dig, :area, :instrument, :body, :activity, :assessor, :by)
                returning id""")
                .param("p", participant).param("kind", kind.name()).param("phase", d.phase().name())
                .param("date", d.date()).param("lang", language == null ? null : language.name())
                .param("dig", digComp).param("area", d.area() == null ? null : d.area().name())
                .param("instrument", d.instrument().name())
                .param("body", d.certificationBody() == null ? null : d.certificationBody().name())
                .param("activity", d.activityId()).param("assessor", d.assessorOrganisationId()).param("by", by)
                .query(Long.class).single();
    }

    /** Updates an assessment of the participant when the version matches; returns the rows changed. */
    int updateAssessment(UUID participant, long id, int version, AssessmentData d, LanguageLevel language,
            Integer digComp) {
        return jdbc.sql("""
                update participant_assessment set kind = :kind, phase = :phase, assessed_on = :date,
                    language_level = :lang, digcomp_level = :dig, digcomp_area = :area, instrument = :instrument,
                    certification_body = :body, activity_id = :activity, assessor_organisation_id = :assessor,
                    version = version + 1
                where id = :id and participant_id = :p and version = :version""")
                .param("kind", d.kind().name()).param("phase", d.phase().name()).param("date", d.date())
                .param("lang", language == null ? null : language.name()).param("dig", digComp)
                .param("area", d.area() == null ? null : d.area().name()).param("instrument", d.instrument().name())
                .param("body", d.certificationBody() == null ? null : d.certificationBody().name())
                .param("activity", d.activityId()).param("assessor", d.assessorOrganisationId())
                .param("id", id).param("p", participant).param("version", version).update();
    }

    /** Updates an outcome of the participant when the version matches; returns the rows changed. */
    int updateOutcome(UUID participant, long id, int version, OutcomeData d) {
        boolean employment = d.type() == OutcomeType.EMPLOYMENT_STATUS;
        return jdbc.sql("""
                update participant_outcome set type = :type, occurred_on = :date, phase = :phase,
                    employment_status = :status, activity_id = :activity, version = version + 1
                where id = :id and participant_id = :p and version = :version""")
                .param("type", d.type().name()).param("date", d.date())
                .param("phase", employment ? d.phase().name() : null)
                .param("status", employment ? d.employmentStatus().name() : null)
                .param("activity", d.activityId()).param("id", id).param("p", participant).param("version", version)
                .update();
    }

    /** Whether another outcome of the participant has this type and date. */
    boolean outcomeTaken(UUID participant, long exceptId, OutcomeType type, java.time.LocalDate date) {
        return jdbc.sql("""
                select count(*) from participant_outcome
                where participant_id = :p and type = :type and occurred_on = :date and id <> :id""")
                .param("p", participant).param("type", type.name()).param("date", date).param("id", exceptId)
                .query(Long.class).single() > 0;
    }

    List<Assessment> assessments(UUID participant) {
        return jdbc.sql("""
                select * from participant_assessment where participant_id = :p order by assessed_on, id""")
                .param("p", participant).query(AssessmentRepository::assessment).list();
    }

    // --- outcomes ---

    /** Inserts an outcome; returns its id, or empty when the same outcome already has that date. */
    Optional<Long> insertOutcome(UUID participant, OutcomeData d, String by) {
        boolean employment = d.type() == OutcomeType.EMPLOYMENT_STATUS;
        return jdbc.sql("""
                insert into participant_outcome (participant_id, type, occurred_on, phase, employment_status,
                    activity_id, recorded_by)
                values (:p, :type, :date, :phase, :status, :activity, :by)
                on conflict (participant_id, type, occurred_on) do nothing returning id""")
                .param("p", participant).param("type", d.type().name()).param("date", d.date())
                .param("phase", employment ? d.phase().name() : null)
                .param("status", employment ? d.employmentStatus().name() : null)
                .param("activity", d.activityId()).param("by", by).query(Long.class).optional();
    }

    List<Outcome> outcomes(UUID participant) {
        return jdbc.sql("select * from participant_outcome where participant_id = :p order by occurred_on, id")
                .param("p", participant).query((rs, n) -> new Outcome(rs.getLong("id"),
                        rs.getObject("participant_id", UUID.class), OutcomeType.valueOf(rs.getString("type")),
                        rs.getObject("occurred_on", java.time.LocalDate.class),
                        rs.getString("phase") == null ? null : AssessmentPhase.valueOf(rs.getString("phase")),
                        rs.getString("employment_status") == null ? null
                                : EmploymentStatus.valueOf(rs.getString("employment_status")),
                        (Long) rs.getObject("activity_id"), rs.getString("recorded_by"), rs.getInt("version")))
                .list();
    }

    // --- surveys ---

    void insertLink(UUID participant, long activity, String title, String language, byte[] hash, Instant expires,
            String by) {
        jdbc.sql("""
                insert into participant_survey_link (participant_id, activity_id, activity_title, language, token_hash,
                    created_by, expires_at)
                values (:p, :a, :title, :lang, :hash, :by, :expires)""")
                .param("p", participant).param("a", activity).param("title", title).param("lang", language)
                .param("hash", hash).param("by", by).param("expires", Timestamp.from(expires)).update();
    }

    Optional<LinkRow> link(byte[] hash) {
        return jdbc.sql("select * from participant_survey_link where token_hash = :hash").param("hash", hash)
                .query((rs, n) -> new LinkRow(rs.getLong("id"), rs.getObject("participant_id", UUID.class),
                        rs.getLong("activity_id"), rs.getString("activity_title"), rs.getString("language"),
                        rs.getTimestamp("expires_at").toInstant(), instant(rs, "used_at")))
                .optional();
    }

    /** Marks a link used if it is still unused and unexpired; returns whether this call did. */
    boolean useLink(long id, Instant now) {
        return jdbc.sql("""
                update participant_survey_link set used_at = :now
                where id = :id and used_at is null and expires_at > :now""")
                .param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Inserts an answer; returns its id, or empty when the participant already answered for the activity. */
    Optional<Long> insertAnswer(UUID participant, long activity, SurveyAnswers a, SurveyResponse.Source source,
            String by) {
        return jdbc.sql("""
                insert into participant_survey_answer (participant_id, activity_id, helpful, content_useful,
                    schedule_suitable, would_recommend, staff_understood, source, entered_by)
                values (:p, :a, :helpful, :content, :schedule, :recommend, :staff, :source, :by)
                on conflict (participant_id, activity_id) do nothing returning id""")
                .param("p", participant).param("a", activity).param("helpful", a.helpful().name())
                .param("content", a.contentUseful()).param("schedule", a.scheduleSuitable())
                .param("recommend", a.wouldRecommend()).param("staff", a.staffUnderstood())
                .param("source", source.name()).param("by", by).query(Long.class).optional();
    }

    boolean answered(UUID participant, long activity) {
        return jdbc.sql("select count(*) from participant_survey_answer where participant_id = :p and activity_id = :a")
                .param("p", participant).param("a", activity).query(Long.class).single() > 0;
    }

    List<SurveyResponse> answers(UUID participant) {
        return jdbc.sql("select * from participant_survey_answer where participant_id = :p order by answered_at, id")
                .param("p", participant).query((rs, n) -> new SurveyResponse(rs.getLong("id"),
                        rs.getObject("participant_id", UUID.class), rs.getLong("activity_id"),
                        new SurveyAnswers(SurveyAnswers.Helpful.valueOf(rs.getString("helpful")),
                                integer(rs, "content_useful"), integer(rs, "schedule_suitable"),
                                integer(rs, "would_recommend"), integer(rs, "staff_understood")),
                        SurveyResponse.Source.valueOf(rs.getString("source")), instant(rs, "answered_at")))
                .list();
    }

    // --- mapping ---

    private static Assessment assessment(ResultSet rs, int n) throws SQLException {
        AssessmentKind kind = AssessmentKind.valueOf(rs.getString("kind"));
        String area = rs.getString("digcomp_area");
        String body = rs.getString("certification_body");
        return new Assessment(rs.getLong("id"), rs.getObject("participant_id", UUID.class), kind,
                AssessmentPhase.valueOf(rs.getString("phase")), rs.getObject("assessed_on", java.time.LocalDate.class),
                kind == AssessmentKind.ITALIAN_L2 ? LanguageLevel.valueOf(rs.getString("language_level")) : null,
                kind == AssessmentKind.DIGCOMP ? new DigCompLevel(rs.getInt("digcomp_level")) : null,
                area == null ? null : DigCompLevel.Area.valueOf(area),
                AssessmentInstrument.valueOf(rs.getString("instrument")),
                body == null ? null : CertificationBody.valueOf(body), (Long) rs.getObject("activity_id"),
                (Long) rs.getObject("assessor_organisation_id"), rs.getString("recorded_by"), rs.getInt("version"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
