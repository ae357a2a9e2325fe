package it.labimpact.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the referral table. */
@Repository
class ReferralRepository {

    /** A referral row. */
    record ReferralRow(long id, UUID participantId, UUID personId, String fromNetworkCode, long fromOrganisationId,
            String toNetworkCode, long toOrganisationId, ReferralService service, String note, LocalDate consentOn,
            String consentNotice, ReferralSharing sharing, String ageBand, String sex, String citizenship,
            String italianLevel, ReferralStatus status, Instant sentAt, String sentBy, Instant takenAt,
            String takenBy, Instant closedAt, String closedBy, ReferralOutcome outcome, String closingNote,
            int version) {
    }

    /** What the sending side's choices and the participant's pseudonymous row give a new referral. */
    record NewReferral(UUID participantId, UUID personId, String fromNetworkCode, long fromOrganisationId,
            String toNetworkCode, long toOrganisationId, ReferralService service, String note, LocalDate consentOn,
            String consentNotice, ReferralSharing sharing, String ageBand, String sex, String citizenship,
            String italianLevel) {
    }

    /**
     * Which referrals a list may show, already scoped: {@code sentBy}/{@code receivedBy} a network (and
     * organisation), either of the two when both are set, all when none.
     */
    record Scope(String sentByNetwork, Long sentByOrganisation, String receivedByNetwork, Long receivedByOrganisation) {
    }

    private final JdbcClient jdbc;

    ReferralRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewReferral r, String by) {
        return jdbc.sql("""
                insert into cooperation_referral (participant_id, person_id, from_network_code, from_organisation_id,
                    to_network_code, to_organisation_id, service, note, consent_on, consent_notice, sharing, age_band,
                    sex, citizenship, italian_level, sent_by)
                values (:participant, :person, :fromNetwork, :fromOrganisation, :toNetwork, :toOrganisation, :service,
                    :note, :consentOn, :consentNotice, :sharing, :ageBand, :sex, :citizenship, :level, :by)
                returning id""")
                .param("participant", r.participantId()).param("person", r.personId())
                .param("fromNetwork", r.fromNetworkCode()).param("fromOrganisation", r.fromOrganisationId())
                .param("toNetwork", r.toNetworkCode()).param("toOrganisation", r.toOrganisationId())
                .param("service", r.service().name()).param("note", r.note()).param("consentOn", r.consentOn())
                .param("consentNotice", r.consentNotice()).param("sharing", r.sharing().name())
                .param("ageBand", r.ageBand()).param("sex", r.sex()).param("citizenship", r.citizenship())
                .param("level", r.italianLevel()).param("by", by)
                .query(Long.class).single();
    }

    Optional<ReferralRow> find(long id) {
        return jdbc.sql("select * from cooperation_referral where id = :id").param("id", id)
                .query(ReferralRepository::row).optional();
    }

    List<ReferralRow> list(Scope scope, ReferralStatus status, ReferralService service, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select * from cooperation_referral" + where(scope, status, service, params)
                + " order by sent_at desc, id desc limit :limit offset :offset")
                .params(params).query(ReferralRepository::row).list();
    }

    long count(Scope scope, ReferralStatus status, ReferralService service) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from cooperation_referral" + where(scope, status, service, params))
                .params(params).query(Long.class).single();
    }

    private static String where(Scope s, ReferralStatus status, ReferralService service, Map<String, Object> params) {
        List<String> sides = new ArrayList<>();
        if (s.sentByNetwork() != null) {
            sides.add("(from_network_code = :sentNetwork"
                    + (s.sentByOrganisation() != null ? " and from_organisation_id = :sentOrganisation)" : ")"));
            params.put("sentNetwork", s.sentByNetwork());
            params.put("sentOrganisation", s.sentByOrganisation());
        }
        if (s.receivedByNetwork() != null) {
            sides.add("(to_network_code = :receivedNetwork"
                    + (s.receivedByOrganisation() != null ? " and to_organisation_id = :receivedOrganisation)" : ")"));
            params.put("receivedNetwork", s.receivedByNetwork());
            params.put("receivedOrganisation", s.receivedByOrganisation());
        }
        List<String> where = new ArrayList<>();
        if (!sides.isEmpty()) {
            where.add("(" + String.join(" or ", sides) + ")");
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status.name());
        }
        if (service != null) {
            where.add("service = :service");
            params.put("service", service.name());
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    /** SENT → TAKEN_IN_CHARGE at the version read; 0 when stale or not in that status any more. */
    int takeInCharge(long id, int version, String by) {
        return jdbc.sql("""
                update cooperation_referral set status = 'TAKEN_IN_CHARGE', taken_at = now(), taken_by = :by,
                    version = version + 1
                where id = :id and version = :version and status = 'SENT'""")
                .param("id", id).param("version", version).param("by", by).update();
    }

    /** SENT → DECLINED with the reason, at the version read. */
    int decline(long id, int version, String reason, String by) {
        return jdbc.sql("""
                update cooperation_referral set status = 'DECLINED', closed_at = now(), closed_by = :by,
                    closing_note = :reason, version = version + 1
                where id = :id and version = :version and status = 'SENT'""")
                .param("id", id).param("version", version).param("reason", reason).param("by", by).update();
    }

    /** TAKEN_IN_CHARGE → CLOSED with the outcome, at the version read. */
    int close(long id, int version, ReferralOutcome outcome, String note, String by) {
        return jdbc.sql("""
                update cooperation_referral set status = 'CLOSED', closed_at = now(), closed_by = :by,
                    outcome = :outcome, closing_note = :note, version = version + 1
                where id = :id and version = :version and status = 'TAKEN_IN_CHARGE'""")
                .param("id", id).param("version", version).param("outcome", outcome.name()).param("note", note)
                .param("by", by).update();
    }

    private static ReferralRow row(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        return new ReferralRow(rs.getLong("id"), rs.getObject("participant_id", UUID.class),
                rs.getObject("person_id", UUID.class), rs.getString("from_network_code"),
                rs.getLong("from_organisation_id"), rs.getString("to_network_code"), rs.getLong("to_organisation_id"),
                ReferralService.valueOf(rs.getString("service")), rs.getString("note"),
                rs.getObject("consent_on", LocalDate.class), rs.getString("consent_notice"),
                ReferralSharing.valueOf(rs.getString("sharing")), rs.getString("age_band"), rs.getString("sex"),
                rs.getString("citizenship"), rs.getString("italian_level"),
                ReferralStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("sent_at")),
                rs.getString("sent_by"), instant(rs.getTimestamp("taken_at")), rs.getString("taken_by"),
                instant(rs.getTimestamp("closed_at")), rs.getString("closed_by"),
                outcome == null ? null : ReferralOutcome.valueOf(outcome), rs.getString("closing_note"),
                rs.getInt("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
