package it.labimpact.participant;

import it.labimpact.audit.AuditTrail;
import it.labimpact.participant.vault.IdentityHashes;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a registration reads and writes, straight to the database: the identity-hash and record-of-person lookups
 * of one registration (each asked once: the check for a record the network holds and the registration's own
 * identification ask the same questions before anything is written; claims are never answered from here), and
 * its writes. {@link ChunkLookups} answers the same questions for a chunk of upload rows from a few set-based
 * reads and stages the writes, so that {@link ParticipantRegistry} runs the same rules over either.
 */
class RegistrationLookups {

    final ParticipantRepository repository;
    final IdentityHashes hashes;
    final SealedFields sealed;
    final AuditTrail audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Map<ByteBuffer, Optional<UUID>> persons = new HashMap<>();
    private final Map<UUID, Boolean> codes = new HashMap<>();
    private final Map<UUID, List<ParticipantSummary>> records = new HashMap<>();

    RegistrationLookups(ParticipantRepository repository, IdentityHashes hashes, SealedFields sealed,
            AuditTrail audit, org.springframework.context.ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
        this.hashes = hashes;
        this.sealed = sealed;
        this.audit = audit;
    }

    // --- reads ---

    Optional<UUID> personFor(byte[] hash) {
        return persons.computeIfAbsent(ByteBuffer.wrap(hash), h -> repository.personFor(hash));
    }

    boolean hasCode(UUID person) {
        return codes.computeIfAbsent(person, repository::hasCode);
    }

    List<ParticipantSummary> ofPerson(UUID person) {
        return records.computeIfAbsent(person, repository::ofPerson);
    }

    /** The records of a person as they are now (not the registration's cached answer). */
    List<ParticipantSummary> ofPersonNow(UUID person) {
        return repository.ofPerson(person);
    }

    /** Records of other persons, not erased, sharing a near key, oldest first. */
    List<UUID> nearCandidates(Set<Long> keys, UUID excludedPerson, int limit) {
        return repository.nearCandidates(keys, excludedPerson, limit);
    }

    byte[] codeHash(String normalisedCode) {
        return hashes.code(normalisedCode);
    }

    byte[] personHash(ParticipantData d) {
        return hashes.person(d.surname(), d.givenNames(), d.birthDate(), d.sex().name(), d.birthCountry());
    }

    Set<Long> nearKeys(ParticipantData d) {
        return hashes.nearKeys(d.surname(), d.givenNames(), d.birthDate());
    }

    // --- writes ---

    /** Maps a hash to a person unless it is mapped already; returns the person it is mapped to. */
    UUID claim(byte[] hash, String kind, UUID person) {
        return repository.claim(hash, kind, person);
    }

    /** The pseudonymous row, its vault row sealed under a fresh data key, and the vulnerability flag. */
    void insert(ParticipantSummary row, String registeredBy, ParticipantData data) {
        repository.insert(row, registeredBy);
        repository.insertVault(sealed.seal(row.id(), data));
        if (!data.vulnerabilities().isEmpty()) {
            // a new row is not vulnerable until marked
            repository.markVulnerable(row.id(), true);
        }
    }

    /** The near keys of a record that has none yet. */
    void insertNearKeys(UUID participant, Set<Long> keys) {
        repository.insertNearKeys(participant, keys);
    }

    void insertReview(UUID participant, UUID candidate, MatchReview.Reason reason) {
        repository.insertReview(participant, candidate, reason);
    }

    void audit(String action, String recordType, Object recordId, Map<String, ?> details) {
        audit.record(action, recordType, recordId, details);
    }

    void publish(Object event) {
        events.publishEvent(event);
    }
}
