package it.labimpact.participant;

import it.labimpact.audit.AuditTrail;
import it.labimpact.participant.vault.IdentityHashes;
import it.labimpact.shared.RuleViolationException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The lookups and writes of a chunk of upload rows, set-based: {@link #prepare} computes every row's identity
 * hashes and near keys (in parallel) and asks the database, in one query each, who holds those hashes, the records
 * and codes of those persons, the records sharing those near keys and the enrolments of those records. The rows are
 * then checked and registered one after the other, in file order, by the same code as a single registration
 * ({@link ParticipantRegistry}), answered from that state plus what earlier rows of the chunk staged — exactly what
 * the database would answer had each row been written at once. {@link #flush} writes what was staged: the claimed
 * hashes, the participants, their vault rows (sealed in parallel), near keys, reviews, enrolments and audit entries,
 * one statement or {@code COPY} each, then publishes the chunk's events. A claim lost to another transaction (the
 * same person registered meanwhile by somebody else) fails the flush ({@link RegisteredMeanwhileException}): nothing
 * of the chunk may stand, and the caller rolls it back.
 */
final class ChunkLookups extends RegistrationLookups {

    /** A record found by a near key: from the database (its registration time), or staged (none, after those). */
    private record Near(UUID id, UUID person, Instant registeredAt, long order) {
    }

    private record Hashes(byte[] code, byte[] person, Set<Long> near) {
    }

    /** A hash claimed for a person (staged). */
    record Claim(byte[] hash, String kind, UUID person) {
    }

    /** A new record (staged): its pseudonymous row and the data its vault row seals. */
    record NewRecord(ParticipantSummary row, ParticipantData data) {
    }

    /** A new enrolment (staged); its id is known once written. */
    static final class NewEnrolment {
        final UUID participantId;
        final long activityId;
        final LocalDate enrolledOn;
        Long id;

        NewEnrolment(UUID participantId, long activityId, LocalDate enrolledOn) {
            this.participantId = participantId;
            this.activityId = activityId;
            this.enrolledOn = enrolledOn;
        }

        /** The id, as the audit entry records it. */
        @Override
        public String toString() {
            if (id == null) {
                throw new IllegalStateException("Enrolment not written yet");
            }
            return id.toString();
        }
    }

    private final EnrolmentRepository enrolmentRepository;
    private final String username;
    private final Map<ParticipantData, Hashes> computed = new IdentityHashMap<>();
    private final Map<ByteBuffer, UUID> owners = new HashMap<>();
    private final Set<ByteBuffer> asked = new HashSet<>();
    private final Map<UUID, Boolean> codes = new HashMap<>();
    private final Map<UUID, List<ParticipantSummary>> records = new HashMap<>();
    private final Map<UUID, ParticipantSummary> byId = new HashMap<>();
    private final Map<Long, List<Near>> near = new HashMap<>();
    private final Set<String> enrolled = new HashSet<>();
    private long order;

    private final List<Claim> claims = new ArrayList<>();
    private final List<NewRecord> newRecords = new ArrayList<>();
    private final Map<UUID, Set<Long>> newNearKeys = new LinkedHashMap<>();
    private final Map<String, ParticipantRepository.NewReview> reviews = new LinkedHashMap<>();
    private final List<NewEnrolment> enrolments = new ArrayList<>();
    private final List<AuditTrail.Entry> entries = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();
    private final org.springframework.context.ApplicationEventPublisher publisher;

    ChunkLookups(ParticipantRepository repository, EnrolmentRepository enrolmentRepository, IdentityHashes hashes,
            SealedFields sealed, AuditTrail audit, org.springframework.context.ApplicationEventPublisher publisher,
            String username) {
        super(repository, hashes, sealed, audit, publisher);
        this.publisher = publisher;
        this.enrolmentRepository = enrolmentRepository;
        this.username = username;
    }

    /** The set-based reads for the rows of a chunk (see the class comment). */
    void prepare(List<ParticipantData> rows) {
        List<ParticipantData> complete = rows.stream().filter(d -> d.surname() != null && d.givenNames() != null
                && d.birthDate() != null && d.sex() != null && d.birthCountry() != null).toList();
        List<Hashes> hashed = complete.parallelStream().map(d -> {
            String code = TaxCode.normalise(d.taxCode());
            return new Hashes(code == null ? null : hashes.code(code), super.personHash(d), super.nearKeys(d));
        }).toList();
        Set<ByteBuffer> identities = new LinkedHashSet<>();
        Set<Long> keys = new LinkedHashSet<>();
        for (int i = 0; i < complete.size(); i++) {
            Hashes h = hashed.get(i);
            computed.put(complete.get(i), h);
            if (h.code() != null) {
                identities.add(ByteBuffer.wrap(h.code()));
            }
            identities.add(ByteBuffer.wrap(h.person()));
            keys.addAll(h.near());
        }
        askIdentities(identities);
        askNear(keys);
    }

    private void askIdentities(Set<ByteBuffer> hashes) {
        List<byte[]> wanted = hashes.stream().filter(h -> !asked.contains(h)).map(ByteBuffer::array).toList();
        if (wanted.isEmpty()) {
            return;
        }
        wanted.forEach(h -> asked.add(ByteBuffer.wrap(h)));
        Map<ByteBuffer, UUID> found = repository.personsFor(wanted);
        owners.putAll(found);
        loadPersons(new HashSet<>(found.values()));
    }

    /** The records and codes of persons found in the database, and the enrolments of those records. */
    private void loadPersons(Set<UUID> persons) {
        persons.removeAll(records.keySet());
        if (persons.isEmpty()) {
            return;
        }
        persons.forEach(p -> records.put(p, new ArrayList<>()));
        List<ParticipantSummary> rows = repository.ofPersons(persons);
        rows.forEach(r -> {
            records.get(r.personId()).add(r);
            byId.put(r.id(), r);
        });
        Set<UUID> withCode = repository.personsWithCode(persons);
        persons.forEach(p -> codes.put(p, withCode.contains(p)));
        if (!rows.isEmpty()) {
            enrolmentRepository.activitiesOf(rows.stream().map(ParticipantSummary::id).toList())
                    .forEach(pair -> enrolled.add(pair.getKey() + "|" + pair.getValue()));
        }
    }

    private void askNear(Set<Long> keys) {
        List<Long> wanted = keys.stream().filter(k -> !near.containsKey(k)).toList();
        if (wanted.isEmpty()) {
            return;
        }
        wanted.forEach(k -> near.put(k, new ArrayList<>()));
        repository.nearRecords(wanted).forEach(r -> near.get(r.key())
                .add(new Near(r.participantId(), r.personId(), r.registeredAt(), order++)));
    }

    // --- reads, answered from the state ---

    @Override
    Optional<UUID> personFor(byte[] hash) {
        ByteBuffer key = ByteBuffer.wrap(hash);
        if (!asked.contains(key)) {
            askIdentities(Set.of(key));
        }
        return Optional.ofNullable(owners.get(key));
    }

    @Override
    boolean hasCode(UUID person) {
        return codes.computeIfAbsent(person, repository::hasCode);
    }

    @Override
    List<ParticipantSummary> ofPerson(UUID person) {
        if (!records.containsKey(person)) {
            loadPersons(new HashSet<>(Set.of(person)));
        }
        return records.get(person);
    }

    @Override
    List<ParticipantSummary> ofPersonNow(UUID person) {
        return List.copyOf(ofPerson(person));
    }

    @Override
    List<UUID> nearCandidates(Set<Long> keys, UUID excludedPerson, int limit) {
        askNear(keys);
        Map<UUID, Near> candidates = new HashMap<>();
        keys.forEach(k -> near.get(k).stream().filter(n -> !n.person().equals(excludedPerson))
                .forEach(n -> candidates.putIfAbsent(n.id(), n)));
        return candidates.values().stream()
                .sorted(Comparator.comparing(Near::registeredAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingLong(Near::order))
                .limit(limit).map(Near::id).toList();
    }

    @Override
    byte[] personHash(ParticipantData d) {
        Hashes h = computed.get(d);
        return h != null ? h.person() : super.personHash(d);
    }

    @Override
    Set<Long> nearKeys(ParticipantData d) {
        Hashes h = computed.get(d);
        return h != null ? h.near() : super.nearKeys(d);
    }

    /** A record of the state by id (a held record, or one registered by an earlier row). */
    Optional<ParticipantSummary> find(UUID id) {
        ParticipantSummary known = byId.get(id);
        return known != null ? Optional.of(known) : repository.find(id);
    }

    /** Whether the participant is enrolled in the activity. */
    boolean enrolled(UUID participant, long activity) {
        if (!byId.containsKey(participant)) {
            return enrolmentRepository.exists(participant, activity);
        }
        return enrolled.contains(participant + "|" + activity);
    }

    // --- writes, staged ---

    @Override
    UUID claim(byte[] hash, String kind, UUID person) {
        Optional<UUID> owner = personFor(hash);
        if (owner.isPresent()) {
            return owner.get();
        }
        owners.put(ByteBuffer.wrap(hash), person);
        // a person the state does not know is a new one
        records.putIfAbsent(person, new ArrayList<>());
        codes.putIfAbsent(person, false);
        if ("CODE".equals(kind)) {
            codes.put(person, true);
        }
        claims.add(new Claim(hash, kind, person));
        return person;
    }

    @Override
    void insert(ParticipantSummary row, String registeredBy, ParticipantData data) {
        if (!registeredBy.equals(username)) {
            throw new IllegalStateException("A chunk is registered by one account");
        }
        ofPerson(row.personId()).add(row);
        byId.put(row.id(), row);
        newRecords.add(new NewRecord(row, data));
    }

    @Override
    void insertNearKeys(UUID participant, Set<Long> keys) {
        UUID person = byId.get(participant).personId();
        askNear(keys);
        Near n = new Near(participant, person, null, order++);
        keys.forEach(k -> near.get(k).add(n));
        newNearKeys.put(participant, keys);
    }

    @Override
    void insertReview(UUID participant, UUID candidate, MatchReview.Reason reason) {
        reviews.putIfAbsent(participant + "|" + candidate,
                new ParticipantRepository.NewReview(participant, candidate, reason));
    }

    @Override
    void audit(String action, String recordType, Object recordId, Map<String, ?> details) {
        entries.add(audit.entry(action, recordType, recordId, details));
    }

    /** Published once the chunk is written (a chunk checked again after a race publishes once). */
    @Override
    void publish(Object event) {
        events.add(event);
    }

    /** An enrolment, refused as a duplicate as the database would; returns what stands for its id. */
    NewEnrolment enrol(UUID participant, long activity, LocalDate on) {
        if (!enrolled.add(participant + "|" + activity)) {
            throw new RuleViolationException("participantId", "enrolment.duplicate");
        }
        NewEnrolment e = new NewEnrolment(participant, activity, on);
        enrolments.add(e);
        return e;
    }

    /** Writes what the chunk staged (see the class comment). */
    void flush() {
        if (!claims.isEmpty() && repository.claimAll(claims) != claims.size()) {
            throw new RegisteredMeanwhileException("A person of this chunk was registered meanwhile by another transaction");
        }
        if (!newRecords.isEmpty()) {
            repository.insertAll(newRecords, username);
            repository.copyVaults(newRecords.parallelStream().map(r -> sealed.seal(r.row().id(), r.data())).toList());
        }
        repository.copyNearKeys(newNearKeys);
        repository.insertReviews(reviews.values());
        if (!enrolments.isEmpty()) {
            Map<String, Long> ids = enrolmentRepository.insertAll(enrolments, username);
            for (NewEnrolment e : enrolments) {
                e.id = ids.get(e.participantId + "|" + e.activityId);
                if (e.id == null) {
                    throw new RegisteredMeanwhileException("An enrolment of this chunk was made meanwhile by another transaction");
                }
            }
        }
        audit.recordAll(entries);
        events.forEach(publisher::publishEvent);
        events.clear();
        claims.clear();
        newRecords.clear();
        newNearKeys.clear();
        reviews.clear();
        enrolments.clear();
        entries.clear();
    }
}
