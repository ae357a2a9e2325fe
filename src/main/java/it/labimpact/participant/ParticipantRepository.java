package it.labimpact.participant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the participant tables. */
@Repository
class ParticipantRepository {

    /** The sealed columns of the vault, in order. */
    static final List<String> FIELDS = List.of("surname", "given_names", "birth_date", "birth_country", "tax_code",
            "phone", "email", "vulnerabilities", "permit_type", "permit_expiry");

    /** A vault row: the wrapped data key and the sealed fields by column name. */
    record VaultRow(UUID participantId, String keyId, byte[] wrappedKey, Map<String, byte[]> fields) {
    }

    /** A review row before the two records are read. */
    record ReviewRow(long id, UUID participantId, UUID candidateId, MatchReview.Reason reason,
            MatchReview.Status status, Instant createdAt, String decidedBy, Instant decidedAt, int version) {
    }

    private static final String SUMMARY = """
            select id, person_id, network_code, organisation_id, registered_at, first_contact_date, sex, birth_year,
                   citizenship, residence_istat, consent_notice_version, version, erased_at
            from participant""";

    /** A review to insert (a set-based upload). */
    record NewReview(UUID participantId, UUID candidateId, MatchReview.Reason reason) {
    }

    /** A record, not erased, holding a near key. */
    record NearRow(long key, UUID participantId, UUID personId, Instant registeredAt) {
    }

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;

    ParticipantRepository(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    // --- set-based (a chunk of upload rows) ---

    /** The persons holding any of the hashes. */
    Map<java.nio.ByteBuffer, UUID> personsFor(Collection<byte[]> hashes) {
        Map<java.nio.ByteBuffer, UUID> found = new HashMap<>();
        jdbc.sql("""
                select hash, person_id from participant_identity
                where hash = any(array(select decode(h, 'hex') from unnest(cast(:hashes as text[])) h))""")
                .param("hashes", hashes.stream().map(HEX::formatHex).toArray(String[]::new))
                .query((rs, n) -> found.put(java.nio.ByteBuffer.wrap(rs.getBytes(1)), rs.getObject(2, UUID.class)))
                .list();
        return found;
    }

    /** The records of the persons, oldest first. */
    List<ParticipantSummary> ofPersons(Collection<UUID> persons) {
        return jdbc.sql(SUMMARY + " where person_id = any(cast(:persons as uuid[])) order by registered_at")
                .param("persons", uuids(persons)).query(ParticipantRepository::summary).list();
    }

    /** Which of the persons hold a code. */
    java.util.Set<UUID> personsWithCode(Collection<UUID> persons) {
        return new java.util.HashSet<>(jdbc.sql("""
                select distinct person_id from participant_identity
                where person_id = any(cast(:persons as uuid[])) and kind = 'CODE'""")
                .param("persons", uuids(persons)).query(UUID.class).list());
    }

    /** The records, not erased, holding any of the near keys, with their key. */
    List<NearRow> nearRecords(Collection<Long> keys) {
        return jdbc.sql("""
                select k.key, p.id, p.person_id, p.registered_at
                from participant_near_key k join participant p on p.id = k.participant_id
                where k.key = any(:keys) and p.erased_at is null""")
                .param("keys", keys.toArray(Long[]::new))
                .query((rs, n) -> new NearRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        instant(rs.getTimestamp(4)))).list();
    }

    /** Claims hashes not mapped yet (as {@link #claim}); returns how many were claimed. */
    int claimAll(List<ChunkLookups.Claim> claims) {
        return jdbc.sql("""
                insert into participant_identity (hash, kind, person_id)
                select decode(t.h, 'hex'), t.k, t.p
                from unnest(cast(:hashes as text[]), cast(:kinds as text[]), cast(:persons as uuid[])) as t(h, k, p)
                on conflict (hash) do nothing""")
                .param("hashes", claims.stream().map(c -> HEX.formatHex(c.hash())).toArray(String[]::new))
                .param("kinds", claims.stream().map(ChunkLookups.Claim::kind).toArray(String[]::new))
                .param("persons", uuids(claims.stream().map(ChunkLookups.Claim::person).toList()))
                .update();
    }

    /** New participants in one statement (as {@link #insert} and {@link #markVulnerable}). */
    void insertAll(List<ChunkLookups.NewRecord> records, String registeredBy) {
        List<ParticipantSummary> rows = records.stream().map(ChunkLookups.NewRecord::row).toList();
        jdbc.sql("""
                insert into participant (id, person_id, network_code, organisation_id, registered_by, first_contact_date,
                    sex, birth_year, citizenship, residence_istat, consent_notice_version, consent_at, vulnerable)
                select t.id, t.person, t.network, t.org, :by, t.contact, t.sex, t.year, t.citizenship, t.residence,
                    t.notice, now(), t.vulnerable
                from unnest(cast(:ids as uuid[]), cast(:persons as uuid[]), cast(:networks as text[]),
                    cast(:orgs as bigint[]), cast(:contacts as date[]), cast(:sexes as text[]), cast(:years as int[]),
                    cast(:citizenships as text[]), cast(:residences as text[]), cast(:notices as int[]),
                    cast(:vulnerable as boolean[]))
                    as t(id, person, network, org, contact, sex, year, citizenship, residence, notice, vulnerable)""")
                .param("by", registeredBy)
                .param("ids", uuids(rows.stream().map(ParticipantSummary::id).toList()))
                .param("persons", uuids(rows.stream().map(ParticipantSummary::personId).toList()))
                .param("networks", rows.stream().map(ParticipantSummary::networkCode).toArray(String[]::new))
                .param("orgs", rows.stream().map(ParticipantSummary::organisationId).toArray(Long[]::new))
                .param("contacts", rows.stream().map(r -> r.firstContactDate().toString()).toArray(String[]::new))
                .param("sexes", rows.stream().map(r -> r.sex().name()).toArray(String[]::new))
                .param("years", rows.stream().map(ParticipantSummary::birthYear).toArray(Integer[]::new))
                .param("citizenships", rows.stream().map(ParticipantSummary::citizenship).toArray(String[]::new))
                .param("residences", rows.stream().map(ParticipantSummary::residenceIstat).toArray(String[]::new))
                .param("notices", rows.stream().map(ParticipantSummary::consentNoticeVersion).toArray(Integer[]::new))
                .param("vulnerable", records.stream().map(r -> !r.data().vulnerabilities().isEmpty())
                        .toArray(Boolean[]::new))
                .update();
    }

    /** Vault rows with one {@code COPY}. */
    void copyVaults(List<VaultRow> rows) {
        List<String> columns = new ArrayList<>(List.of("participant_id", "key_id", "wrapped_key"));
        columns.addAll(FIELDS);
        try (it.labimpact.shared.bulk.CopyRows copy = it.labimpact.shared.bulk.CopyRows.into(dataSource,
                "participant_vault", columns.toArray(String[]::new))) {
            for (VaultRow v : rows) {
                copy.add(v.participantId()).add(v.keyId()).add(v.wrappedKey());
                FIELDS.forEach(f -> copy.add(v.fields().get(f)));
                copy.endRow();
            }
            copy.finish();
        }
    }

    /** The near keys of records that have none yet, with one {@code COPY}. */
    void copyNearKeys(Map<UUID, java.util.Set<Long>> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try (it.labimpact.shared.bulk.CopyRows copy = it.labimpact.shared.bulk.CopyRows.into(dataSource,
                "participant_near_key", "key", "participant_id")) {
            keys.forEach((participant, set) -> set.forEach(k -> {
                copy.add(k.longValue()).add(participant);
                copy.endRow();
            }));
            copy.finish();
        }
    }

    /** Reviews in one statement (as {@link #insertReview}). */
    void insertReviews(Collection<NewReview> reviews) {
        if (reviews.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into participant_match_review (participant_id, candidate_id, reason)
                select * from unnest(cast(:p as uuid[]), cast(:c as uuid[]), cast(:reasons as text[]))
                on conflict (participant_id, candidate_id) do nothing""")
                .param("p", uuids(reviews.stream().map(NewReview::participantId).toList()))
                .param("c", uuids(reviews.stream().map(NewReview::candidateId).toList()))
                .param("reasons", reviews.stream().map(r -> r.reason().name()).toArray(String[]::new))
                .update();
    }

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    private static String[] uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    // --- participants ---

    void insert(ParticipantSummary p, String registeredBy) {
        jdbc.sql("""
                insert into participant (id, person_id, network_code, organisation_id, registered_by, first_contact_date,
                    sex, birth_year, citizenship, residence_istat, consent_notice_version, consent_at)
                values (:id, :person, :network, :org, :by, :contact, :sex, :year, :citizenship, :residence, :notice, now())""")
                .param("id", p.id()).param("person", p.personId()).param("network", p.networkCode())
                .param("org", p.organisationId()).param("by", registeredBy).param("contact", p.firstContactDate())
                .param("sex", p.sex().name()).param("year", p.birthYear()).param("citizenship", p.citizenship())
                .param("residence", p.residenceIstat()).param("notice", p.consentNoticeVersion()).update();
    }

    /** Updates the pseudonymous fields when the version matches; returns the rows changed. */
    int update(UUID id, int version, Sex sex, int birthYear, String citizenship, String residence,
            LocalDate firstContact) {
        return jdbc.sql("""
                update participant set sex = :sex, birth_year = :year, citizenship = :citizenship,
                    residence_istat = :residence, first_contact_date = :contact, version = version + 1, updated_at = now()
                where id = :id and version = :version and erased_at is null""")
                .param("sex", sex.name()).param("year", birthYear).param("citizenship", citizenship)
                .param("residence", residence).param("contact", firstContact).param("id", id)
                .param("version", version).update();
    }

    /**
     * Keeps the yes/no vulnerability flag of the pseudonymous row in step with the sealed categories: the
     * indicators' vulnerability breakdown reads the flag, never the vault.
     */
    void markVulnerable(UUID id, boolean vulnerable) {
        jdbc.sql("update participant set vulnerable = :v where id = :id").param("v", vulnerable).param("id", id)
                .update();
    }

    Optional<ParticipantSummary> find(UUID id) {
        return jdbc.sql(SUMMARY + " where id = :id").param("id", id).query(ParticipantRepository::summary).optional();
    }

    List<ParticipantSummary> page(String network, Long organisation, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql(SUMMARY + scope(network, organisation, params)
                        + " order by registered_at desc, id limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", offset)
                .query(ParticipantRepository::summary).list();
    }

    /**
     * The records in a scope, counted up to {@code limit} (a list's total is counted at every page: beyond a limit it
     * says "more than", see {@link it.labimpact.shared.PageResponse#counted}).
     */
    long count(String network, Long organisation, long limit) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from (select 1 from participant" + scope(network, organisation, params)
                        + " limit :countLimit) x").params(params).param("countLimit", limit)
                .query(Long.class).single();
    }

    /** Records not erased within a scope, newest first (the surname search decrypts these). */
    List<ParticipantSummary> active(String network, Long organisation) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(network, organisation, params);
        return jdbc.sql(SUMMARY + where + (where.isEmpty() ? " where" : " and")
                        + " erased_at is null order by registered_at desc, id")
                .params(params).query(ParticipantRepository::summary).list();
    }

    /** The vault rows of the records not erased within a scope, in one query (the surname search). */
    List<VaultRow> activeVaults(String network, Long organisation) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(network, organisation, params);
        return jdbc.sql("select v.* from participant_vault v join participant p on p.id = v.participant_id"
                        + where + (where.isEmpty() ? " where" : " and") + " p.erased_at is null")
                .params(params).query(ParticipantRepository::vaultRow).list();
    }

    List<ParticipantSummary> ofPerson(UUID person) {
        return jdbc.sql(SUMMARY + " where person_id = :person order by registered_at")
                .param("person", person).query(ParticipantRepository::summary).list();
    }

    /** Ids of records not erased, oldest first, for the retention job. */
    List<UUID> activeIds(int limit) {
        return jdbc.sql("select id from participant where erased_at is null order by registered_at limit :limit")
                .param("limit", limit).query(UUID.class).list();
    }

    /** Marks a record erased and deletes its vault row, near keys and open reviews; returns the rows marked. */
    int erase(UUID id, String reason) {
        jdbc.sql("delete from participant_vault where participant_id = :id").param("id", id).update();
        jdbc.sql("delete from participant_near_key where participant_id = :id").param("id", id).update();
        jdbc.sql("delete from participant_match_review where status = 'OPEN' and (participant_id = :id or candidate_id = :id)")
                .param("id", id).update();
        return jdbc.sql("""
                update participant set erased_at = now(), erasure_reason = :reason, version = version + 1, updated_at = now()
                where id = :id and erased_at is null""").param("id", id).param("reason", reason).update();
    }

    // --- vault ---

    void insertVault(VaultRow v) {
        jdbc.sql("insert into participant_vault (participant_id, key_id, wrapped_key, " + String.join(", ", FIELDS)
                        + ") values (:id, :key, :wrapped, :" + String.join(", :", FIELDS) + ")")
                .params(vaultParams(v)).update();
    }

    void updateVault(VaultRow v) {
        jdbc.sql("update participant_vault set key_id = :key, wrapped_key = :wrapped, "
                        + String.join(", ", FIELDS.stream().map(f -> f + " = :" + f).toList())
                        + " where participant_id = :id")
                .params(vaultParams(v)).update();
    }

    Optional<VaultRow> vault(UUID id) {
        return jdbc.sql("select * from participant_vault where participant_id = :id").param("id", id)
                .query(ParticipantRepository::vaultRow).optional();
    }

    /** Vault rows whose data key is wrapped under another master key than {@code keyId}. */
    List<VaultRow> wrappedUnderOtherKeys(String keyId, int limit) {
        return jdbc.sql("select * from participant_vault where key_id <> :key limit :limit").param("key", keyId)
                .param("limit", limit).query(ParticipantRepository::vaultRow).list();
    }

    void rewrap(UUID id, String keyId, byte[] wrapped) {
        jdbc.sql("update participant_vault set key_id = :key, wrapped_key = :wrapped where participant_id = :id")
                .param("key", keyId).param("wrapped", wrapped).param("id", id).update();
    }

    // --- identities ---

    Optional<UUID> personFor(byte[] hash) {
        return jdbc.sql("select person_id from participant_identity where hash = :hash").param("hash", hash)
                .query(UUID.class).optional();
    }

    /** Maps a hash to a person unless it is mapped already; returns the person it is mapped to. */
    UUID claim(byte[] hash, String kind, UUID person) {
        // one row inserted: the hash is now this person's; none: read who holds it
        return jdbc.sql("""
                insert into participant_identity (hash, kind, person_id) values (:hash, :kind, :person)
                on conflict (hash) do nothing""").param("hash", hash).param("kind", kind).param("person", person)
                .update() == 1 ? person : personFor(hash).orElseThrow();
    }

    boolean hasCode(UUID person) {
        return jdbc.sql("select exists (select 1 from participant_identity where person_id = :p and kind = 'CODE')")
                .param("p", person).query(Boolean.class).single();
    }

    /** Forgets a person's hashes once none of their records keeps personal data. */
    void forgetIfNoActiveRecord(UUID person) {
        jdbc.sql("""
                delete from participant_identity where person_id = :p
                  and not exists (select 1 from participant where person_id = :p and erased_at is null)""")
                .param("p", person).update();
    }

    /** Moves every record and hash of person {@code from} to person {@code to}. */
    void mergePerson(UUID from, UUID to) {
        jdbc.sql("update participant set person_id = :to where person_id = :from").param("to", to).param("from", from)
                .update();
        jdbc.sql("update participant_identity set person_id = :to where person_id = :from").param("to", to)
                .param("from", from).update();
    }

    void replaceNearKeys(UUID participant, Collection<Long> keys) {
        jdbc.sql("delete from participant_near_key where participant_id = :id").param("id", participant).update();
        insertNearKeys(participant, keys);
    }

    /** The near keys of a record that has none yet. */
    void insertNearKeys(UUID participant, Collection<Long> keys) {
        jdbc.sql("insert into participant_near_key (key, participant_id) select unnest(:keys), :id on conflict do nothing")
                .param("keys", keys.toArray(Long[]::new)).param("id", participant).update();
    }

    /** Records of other persons, not erased, sharing a near key. */
    List<UUID> nearCandidates(Collection<Long> keys, UUID excludedPerson, int limit) {
        return jdbc.sql("""
                select distinct p.id, p.registered_at from participant_near_key k join participant p on p.id = k.participant_id
                where k.key = any(:keys) and p.person_id <> :person and p.erased_at is null
                order by p.registered_at limit :limit""")
                .param("keys", keys.toArray(Long[]::new)).param("person", excludedPerson).param("limit", limit)
                .query((rs, n) -> rs.getObject("id", UUID.class)).list();
    }

    // --- match reviews ---

    void insertReview(UUID participant, UUID candidate, MatchReview.Reason reason) {
        jdbc.sql("""
                insert into participant_match_review (participant_id, candidate_id, reason) values (:p, :c, :reason)
                on conflict (participant_id, candidate_id) do nothing""")
                .param("p", participant).param("c", candidate).param("reason", reason.name()).update();
    }

    List<ReviewRow> reviews(MatchReview.Status status, long offset, int limit) {
        return jdbc.sql("select * from participant_match_review where status = :status order by created_at, id "
                        + "limit :limit offset :offset")
                .param("status", status.name()).param("limit", limit).param("offset", offset)
                .query(ParticipantRepository::review).list();
    }

    long countReviews(MatchReview.Status status) {
        return jdbc.sql("select count(*) from participant_match_review where status = :status")
                .param("status", status.name()).query(Long.class).single();
    }

    Optional<ReviewRow> review(long id) {
        return jdbc.sql("select * from participant_match_review where id = :id").param("id", id)
                .query(ParticipantRepository::review).optional();
    }

    List<ReviewRow> reviewsOf(UUID participant) {
        return jdbc.sql("select * from participant_match_review where participant_id = :id or candidate_id = :id "
                        + "order by created_at").param("id", participant).query(ParticipantRepository::review).list();
    }

    int decide(long id, int version, MatchReview.Status status, String by) {
        return jdbc.sql("""
                update participant_match_review set status = :status, decided_by = :by, decided_at = now(),
                    version = version + 1
                where id = :id and version = :version and status = 'OPEN'""")
                .param("status", status.name()).param("by", by).param("id", id).param("version", version).update();
    }

    // --- privacy notice ---

    int currentNoticeVersion() {
        return jdbc.sql("select coalesce(max(version), 0) from participant_privacy_notice").query(Integer.class).single();
    }

    Optional<PrivacyNotice> notice(int version, String language) {
        return jdbc.sql("select * from participant_privacy_notice where version = :v and language = :l")
                .param("v", version).param("l", language)
                .query((rs, n) -> new PrivacyNotice(rs.getInt("version"), rs.getString("language"), rs.getString("body"),
                        rs.getTimestamp("published_at").toInstant(), rs.getString("published_by")))
                .optional();
    }

    void insertNotice(int version, String language, String body, String by) {
        jdbc.sql("insert into participant_privacy_notice (version, language, body, published_by) "
                        + "values (:v, :l, :body, :by)")
                .param("v", version).param("l", language).param("body", body).param("by", by).update();
    }

    // --- mapping ---

    private static String scope(String network, Long organisation, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (network != null) {
            clauses.add("network_code = :network");
            params.put("network", network);
        }
        if (organisation != null) {
            clauses.add("organisation_id = :org");
            params.put("org", organisation);
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static Map<String, Object> vaultParams(VaultRow v) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", v.participantId());
        params.put("key", v.keyId());
        params.put("wrapped", v.wrappedKey());
        FIELDS.forEach(f -> params.put(f, v.fields().get(f)));
        return params;
    }

    private static ParticipantSummary summary(ResultSet rs, int n) throws SQLException {
        return new ParticipantSummary(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("network_code"), rs.getLong("organisation_id"), instant(rs.getTimestamp("registered_at")),
                rs.getObject("first_contact_date", LocalDate.class), Sex.valueOf(rs.getString("sex")),
                rs.getInt("birth_year"), rs.getString("citizenship"), rs.getString("residence_istat"),
                rs.getInt("consent_notice_version"), rs.getInt("version"), instant(rs.getTimestamp("erased_at")));
    }

    private static VaultRow vaultRow(ResultSet rs, int n) throws SQLException {
        Map<String, byte[]> fields = new HashMap<>();
        for (String f : FIELDS) {
            fields.put(f, rs.getBytes(f));
        }
        return new VaultRow(rs.getObject("participant_id", UUID.class), rs.getString("key_id"),
                rs.getBytes("wrapped_key"), fields);
    }

    private static ReviewRow review(ResultSet rs, int n) throws SQLException {
        return new ReviewRow(rs.getLong("id"), rs.getObject("participant_id", UUID.class),
                rs.getObject("candidate_id", UUID.class), MatchReview.Reason.valueOf(rs.getString("reason")),
                MatchReview.Status.valueOf(rs.getString("status")), instant(rs.getTimestamp("created_at")),
                rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getInt("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
