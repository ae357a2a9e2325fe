package it.labimpact.participant;

import it.labimpact.audit.AuditTrail;
import it.labimpact.participant.vault.IdentityHashes;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.NetworkDetail;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.ScopeType;
import it.labimpact.territory.Comune;
import it.labimpact.territory.TerritoryCatalogue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participant registry: registration with cross-network de-duplication, reads (audited), rectification,
 * erasure by crypto-shredding, the right of access, search within the actor's scope, and pseudonymised
 * microdata for evaluators.
 *
 * <p>Scope: operators and network leads see their network's records (an organisation-scoped operator only
 * their organisation's), coordinators and administrators all; a record outside the scope is "not found".
 * Sensitive data is shown to operators, leads and coordinators, not to system administrators. Evaluators get
 * pseudonymised rows only; governance nothing.
 */
@Service
@Transactional
public class ParticipantRegistry {

    private static final Set<Role> STAFF = EnumSet.of(Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR, Role.ADMIN);
    private static final Set<Role> SEES_SENSITIVE = EnumSet.of(Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR);
    private static final Set<Role> ERASERS = EnumSet.of(Role.NETWORK_LEAD, Role.COORDINATOR, Role.ADMIN);
    private static final Set<Role> PSEUDONYMISED = EnumSet.of(Role.EVALUATOR, Role.COORDINATOR, Role.ADMIN);
    private static final int NEAR_CANDIDATES = 10;

    private final ParticipantRepository repository;
    private final EnrolmentRepository enrolmentRepository;
    private final SealedFields sealed;
    private final IdentityHashes hashes;
    private final Partnership partnership;
    private final TerritoryCatalogue territory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Validator validator;
    private final Clock clock;

    ParticipantRegistry(ParticipantRepository repository, EnrolmentRepository enrolmentRepository,
            SealedFields sealed, IdentityHashes hashes, Partnership partnership, TerritoryCatalogue territory,
            AuditTrail audit, ApplicationEventPublisher events, Validator validator, Optional<Clock> clock) {
        this.repository = repository;
        this.enrolmentRepository = enrolmentRepository;
        this.sealed = sealed;
        this.hashes = hashes;
        this.partnership = partnership;
        this.territory = territory;
        this.audit = audit;
        this.events = events;
        this.validator = validator;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    // --- registration ---

    /**
     * Registers a participant for a network and one of its member organisations. Project-wide actors name the
     * network; others register for their own (and an organisation-scoped operator for their organisation).
     *
     * @param consentNoticeVersion the privacy notice the person accepted: must be the current one
     */
    public Registration register(String networkCode, Long organisationId, Integer consentNoticeVersion,
            ParticipantData data) {
        Actor actor = requireRole(STAFF);
        String network = registeringNetwork(actor, networkCode);
        long organisation = registeringOrganisation(actor, network, organisationId);
        validate(data);
        if (consentNoticeVersion == null) {
            throw new RuleViolationException("consent", "participant.consent.required");
        }
        if (consentNoticeVersion != repository.currentNoticeVersion()) {
            throw new RuleViolationException("consent", "participant.consent.outdated");
        }
        String residence = residence(data.residence());
        return registerChecked(actor, network, organisation, consentNoticeVersion, residence, data, lookups(),
                row -> { });
    }

    private RegistrationLookups lookups() {
        return new RegistrationLookups(repository, hashes, sealed, audit, events);
    }

    /**
     * The registration once the actor, network, organisation, data, consent and residence are checked; reads and
     * writes through {@code lookups} (straight to the database, or staged for a chunk of upload rows).
     */
    private Registration registerChecked(Actor actor, String network, long organisation, int consentNoticeVersion,
            String residence, ParticipantData data, RegistrationLookups lookups,
            java.util.function.Consumer<ParticipantSummary> written) {
        Identity identity = identify(data, lookups);
        if (identity.known() && lookups.ofPerson(identity.person()).stream()
                .anyMatch(p -> !p.erased() && p.networkCode().equals(network))) {
            throw new RuleViolationException(null, "participant.duplicate.network");
        }
        UUID id = UUID.randomUUID();
        ParticipantSummary row = new ParticipantSummary(id, identity.person(), network, organisation, null,
                data.firstContactDate(), data.sex(), data.birthDate().getYear(), data.citizenship().toUpperCase(),
                residence, consentNoticeVersion, 0, null);
        lookups.insert(row, actor.username(), data);
        written.accept(row);
        // a new row has no near keys to replace
        Set<Long> nearKeys = lookups.nearKeys(data);
        lookups.insertNearKeys(id, nearKeys);
        queueReviews(id, identity, nearKeys, lookups);

        lookups.audit("participant.register", "participant", id, Map.of("network", network,
                "organisation", organisation, "alreadyRegisteredInProject", identity.known()));
        lookups.publish(new ParticipantRegistered(id, identity.person(), network, organisation,
                data.firstContactDate(), identity.known()));
        return new Registration(id, identity.known(), warnings(data));
    }

    /**
     * Registrations of one spreadsheet upload, inside its transaction: what is the same for every row (the actor,
     * the network, the registering organisation and its membership, the current privacy notice) is checked once,
     * comuni are resolved once per distinct value, and each row asks the identity questions once. The rules,
     * refusals (with the same fields, in the same order), audit entries and events are those of
     * {@link #heldByNetwork} followed by {@link #register}.
     */
    public Intake intake(String networkCode, Long organisationId, Integer consentNoticeVersion) {
        return new Intake(requireRole(STAFF), networkCode, organisationId, consentNoticeVersion);
    }

    /** The result of {@link Intake#admit}: the record the network held already, or a new registration. */
    public static final class Admission {

        private final Optional<UUID> held;
        private Registration registration;
        /** The row just written for a new registration (what {@link Enrolments.Enroller} would read back). */
        private ParticipantSummary written;
        /** A registration checked and not written yet: what it will write but the ids, and what it needs. */
        private final ParticipantSummary provisional;
        private final RegistrationLookups lookups;

        private Admission(Optional<UUID> held, Registration registration, ParticipantSummary written,
                ParticipantSummary provisional, RegistrationLookups lookups) {
            this.held = held;
            this.registration = registration;
            this.written = written;
            this.provisional = provisional;
            this.lookups = lookups;
        }

        Optional<ParticipantSummary> provisional() {
            return registration == null ? Optional.ofNullable(provisional) : Optional.empty();
        }

        /** The record the network held already, if it did. */
        public Optional<UUID> held() {
            return held;
        }

        /** The new registration, when the network did not hold the person. */
        public Registration registration() {
            return registration;
        }

        /** The record the row stands for. */
        public UUID participantId() {
            return held.orElseGet(() -> registration.participantId());
        }

        Optional<ParticipantSummary> written() {
            return Optional.ofNullable(written);
        }

        /** The chunk the row belongs to, when checked through a {@link Batch}. */
        Optional<ChunkLookups> chunk() {
            return lookups instanceof ChunkLookups c ? Optional.of(c) : Optional.empty();
        }
    }

    /** See {@link #intake}. */
    public final class Intake {

        private final Actor actor;
        private String network;
        private long organisation;
        private final Integer consentNoticeVersion;
        /** Refusal due before the data is checked (network, organisation), or after it (consent). */
        private RuntimeException beforeData;
        private RuntimeException afterData;
        private final Map<String, Object> residences = new java.util.HashMap<>();

        private Intake(Actor actor, String networkCode, Long organisationId, Integer consentNoticeVersion) {
            this.actor = actor;
            this.consentNoticeVersion = consentNoticeVersion;
            try {
                network = registeringNetwork(actor, networkCode);
                organisation = registeringOrganisation(actor, network, organisationId);
            } catch (RuntimeException e) {
                beforeData = e;
            }
            if (consentNoticeVersion == null) {
                afterData = new RuleViolationException("consent", "participant.consent.required");
            } else if (consentNoticeVersion != repository.currentNoticeVersion()) {
                afterData = new RuleViolationException("consent", "participant.consent.outdated");
            }
        }

        /**
         * The record the actor's network holds for the person, as {@link #heldByNetwork}; otherwise registers
         * them as {@link #register}, throwing the same refusals.
         */
        public Admission admit(ParticipantData data) {
            Admission admission = check(data);
            return admission.held().isPresent() ? admission : write(admission, data);
        }

        /**
         * The record the actor's network holds for the person, or a registration checked as {@link #register}
         * checks it (the same refusals in the same order) and not written: nothing is written here.
         */
        public Admission check(ParticipantData data) {
            return check(data, lookups());
        }

        private Admission check(ParticipantData data, RegistrationLookups lookups) {
            Optional<UUID> held = held(actor, data, lookups);
            if (held.isPresent()) {
                return new Admission(held, null, null, null, lookups);
            }
            if (beforeData != null) {
                throw beforeData;
            }
            validate(data);
            if (afterData != null) {
                throw afterData;
            }
            Object residence = residences.computeIfAbsent(data.residence(), typed -> {
                try {
                    return residence(typed);
                } catch (RuleViolationException e) {
                    return e;
                }
            });
            if (residence instanceof RuleViolationException e) {
                throw new RuleViolationException(e.field(), e.messageKey(), e.args());
            }
            ParticipantSummary provisional = new ParticipantSummary(null, null, network, organisation, null,
                    data.firstContactDate(), data.sex(), data.birthDate().getYear(),
                    data.citizenship().toUpperCase(), (String) residence, consentNoticeVersion, 0, null);
            return new Admission(Optional.empty(), null, null, provisional, lookups);
        }

        /**
         * Registers the person of a checked admission ({@link #check}, same data); the registration's remaining
         * refusal (already registered in the network) can only come from another registration of the same person
         * committed meanwhile.
         */
        public Admission write(Admission checked, ParticipantData data) {
            ParticipantSummary p = checked.provisional().orElseThrow(() -> new IllegalStateException("Not checked"));
            checked.registration = registerChecked(actor, network, organisation, consentNoticeVersion,
                    p.residenceIstat(), data, checked.lookups, row -> checked.written = row);
            return checked;
        }

        /**
         * A chunk of upload rows, set-based: the identity questions of all its rows are asked of the database at
         * once, here; then each row is checked ({@link Batch#check}) and written ({@link #write}, and
         * {@link Enrolments.Enroller}) in file order, against that state and what earlier rows of the chunk wrote,
         * with the rules, refusals, audit entries and events of {@link #check} and {@link #write} — and nothing is
         * written to the database until {@link Batch#flush}, a few statements for the whole chunk.
         */
        public Batch batch(List<ParticipantData> rows) {
            ChunkLookups chunk = new ChunkLookups(repository, enrolmentRepository, hashes, sealed, audit, events,
                    actor.username());
            chunk.prepare(rows);
            return new Batch(this, chunk);
        }
    }

    /** See {@link Intake#batch}. */
    public static final class Batch {

        private final Intake intake;
        private final ChunkLookups chunk;

        private Batch(Intake intake, ChunkLookups chunk) {
            this.intake = intake;
            this.chunk = chunk;
        }

        /** As {@link Intake#check}, against the chunk's state. */
        public Admission check(ParticipantData data) {
            return intake.check(data, chunk);
        }

        /**
         * Writes what the chunk's rows registered and enrolled, then publishes their events. Fails with
         * {@link RegisteredMeanwhileException} (the caller must roll the chunk back) when another transaction
         * registered one of its persons, or made one of its enrolments, since the chunk was read.
         */
        public void flush() {
            chunk.flush();
        }
    }

    /** Things worth a second look in what was entered (code against birth date and sex, EU citizenship). */
    public List<FieldWarning> warnings(ParticipantData data) {
        List<FieldWarning> warnings = new ArrayList<>();
        TaxCode.encoded(data.taxCode()).ifPresent(encoded -> {
            if (data.birthDate() != null && !encoded.matchesBirthDate(data.birthDate())) {
                warnings.add(new FieldWarning("birthDate", "participant.warning.codeBirthDate",
                        List.of("%02d/%02d/%02d".formatted(encoded.day(), encoded.month(), encoded.yearOfCentury()))));
            }
            if (data.sex() != null && data.sex() != Sex.X && data.sex() != encoded.sex()) {
                warnings.add(new FieldWarning("sex", "participant.warning.codeSex", List.of(encoded.sex().name())));
            }
        });
        Countries.byCode(data.citizenship()).filter(c -> !c.thirdCountry()).ifPresent(c ->
                warnings.add(new FieldWarning("citizenship", "participant.warning.notThirdCountry", List.of(c.code()))));
        return warnings;
    }

    /** The person a registration belongs to, and whether the project knew them already. */
    private record Identity(UUID person, boolean known, byte[] codeHash, byte[] personHash, UUID codeConflict) {
    }

    /**
     * Same code → same person. Otherwise same names, birth date, sex and country of birth → same person, unless
     * both carry different codes: then a new person, and a review against the other. Claiming the hashes in
     * the database settles two registrations of the same new person at the same time.
     */
    private Identity identify(ParticipantData d, RegistrationLookups lookups) {
        String code = TaxCode.normalise(d.taxCode());
        byte[] codeHash = code == null ? null : lookups.codeHash(code);
        byte[] personHash = lookups.personHash(d);
        UUID byCode = codeHash == null ? null : lookups.personFor(codeHash).orElse(null);
        UUID byName = lookups.personFor(personHash).orElse(null);
        UUID conflict = null;
        UUID person;
        if (byCode != null) {
            person = byCode;
            conflict = byName != null && !byName.equals(byCode) ? byName : null;
        } else if (byName != null && code != null && lookups.hasCode(byName)) {
            person = UUID.randomUUID();
            conflict = byName;
        } else {
            person = byName != null ? byName : UUID.randomUUID();
        }
        boolean known = byCode != null || (byName != null && conflict == null);
        if (codeHash != null) {
            UUID owner = lookups.claim(codeHash, "CODE", person);
            known |= !owner.equals(person);
            person = owner;
        }
        if (conflict == null) {
            UUID owner = lookups.claim(personHash, "NAME_DOB_SEX_COUNTRY", person);
            if (codeHash == null) {
                known |= !owner.equals(person);
                person = owner;
            }
        }
        return new Identity(person, known, codeHash, personHash, conflict);
    }

    private void queueReviews(UUID id, Identity identity, Set<Long> nearKeys, RegistrationLookups lookups) {
        if (identity.codeConflict() != null) {
            lookups.ofPersonNow(identity.codeConflict()).stream().filter(p -> !p.erased())
                    .forEach(p -> lookups.insertReview(id, p.id(), MatchReview.Reason.DIFFERENT_CODE));
        }
        if (!identity.known()) {
            lookups.nearCandidates(nearKeys, identity.person(), NEAR_CANDIDATES)
                    .forEach(candidate -> lookups.insertReview(id, candidate, MatchReview.Reason.SIMILAR_NAMES));
        }
    }

    // --- reads ---

    /** A record with personal data, for an actor whose scope includes it; the read is audited. */
    public ParticipantRecord read(UUID id) {
        Actor actor = requireRole(STAFF);
        ParticipantSummary summary = visible(actor, id);
        ParticipantRecord record = record(actor, summary);
        audit.record("participant.read", "participant", id, Map.of("purpose", "record"));
        return record;
    }

    /** The pseudonymous summary of a record in the actor's scope (no personal data, not audited). */
    public ParticipantSummary summary(UUID id) {
        return visible(requireRole(STAFF), id);
    }

    /**
     * The participants in the actor's scope. Without text: the pseudonymous summaries, newest first. With a
     * code: the records of that person, found through the code's keyed hash. With other text: the records
     * whose surname starts with it — which decrypts the surname of every record of the network (about 0.1 ms
     * each), so project-wide actors must name a network. Results of a search carry the names and are audited.
     */
    public PageResponse<ParticipantListing> list(ParticipantQuery query, PageRequest page) {
        Actor actor = requireRole(STAFF);
        String network = actor.seesWholeProject() ? blankToNull(query.network()) : actor.networkCode();
        Long organisation = actor.scope() == ScopeType.ORGANISATION ? actor.organisationId() : null;
        String text = blankToNull(query.text());
        if (text == null) {
            return PageResponse.counted(repository.page(network, organisation, page.offset(), page.size()).stream()
                    .map(s -> new ParticipantListing(s, null, null)).toList(), page,
                    () -> repository.count(network, organisation, PageResponse.countUpTo(page)));
        }
        String code = TaxCode.normalise(text);
        List<ParticipantSummary> found;
        String kind;
        if (TaxCode.kindOf(code).isPresent()) {
            kind = "code";
            found = repository.personFor(hashes.code(code)).map(repository::ofPerson).orElse(List.of()).stream()
                    .filter(p -> !p.erased() && inScope(actor, p)
                            && (network == null || network.equals(p.networkCode())))
                    .toList();
        } else {
            if (network == null) {
                throw new RuleViolationException("network", "participant.search.network");
            }
            kind = "surname";
            String prefix = IdentityHashes.name(text);
            Set<UUID> matching = repository.activeVaults(network, organisation).stream()
                    .filter(v -> IdentityHashes.name(sealed.surname(v)).startsWith(prefix))
                    .map(ParticipantRepository.VaultRow::participantId).collect(java.util.stream.Collectors.toSet());
            found = repository.active(network, organisation).stream().filter(p -> matching.contains(p.id())).toList();
        }
        List<ParticipantListing> items = found.stream().skip(page.offset()).limit(page.size())
                .map(p -> {
                    PersonalData personal = sealed.open(repository.vault(p.id()).orElseThrow()).personal();
                    return new ParticipantListing(p, personal.surname(), personal.givenNames());
                })
                .toList();
        if (!items.isEmpty()) {
            audit.record("participant.search", "participant", null, Map.of("by", kind,
                    "shown", items.stream().map(l -> l.summary().id().toString()).toList()));
        }
        return new PageResponse<>(items, page.page(), page.size(), found.size());
    }

    /** Pseudonymised microdata for evaluators (and coordinators, administrators); erased rows included. */
    public PageResponse<PseudonymisedParticipant> pseudonymised(String network, PageRequest page) {
        requireRole(PSEUDONYMISED);
        String n = blankToNull(network);
        return PageResponse.counted(repository.page(n, null, page.offset(), page.size()).stream()
                .map(p -> new PseudonymisedParticipant(p.id(), p.personId(), p.networkCode(), p.sex(), p.birthYear(),
                        p.citizenship(), p.residenceIstat(), p.firstContactDate().toString().substring(0, 7),
                        p.erased()))
                .toList(), page, () -> repository.count(n, null, PageResponse.countUpTo(page)));
    }

    /** Everything held on a participant (right of access), for an actor whose scope includes it; audited. */
    public ParticipantExport export(UUID id) {
        Actor actor = requireRole(STAFF);
        ParticipantSummary summary = visible(actor, id);
        ParticipantRecord record = record(actor, summary);
        NetworkDetail network = partnership.network(summary.networkCode()).orElseThrow();
        String organisation = network.members().stream().filter(m -> m.organisationId() == summary.organisationId())
                .map(Member::organisationName).findFirst()
                .orElseGet(() -> partnership.organisation(summary.organisationId()).orElseThrow().summary().name());
        PrivacyNotice notice = repository.notice(summary.consentNoticeVersion(), "it").orElse(null);
        List<ParticipantExport.ReviewEntry> reviews = repository.reviewsOf(id).stream()
                .map(r -> new ParticipantExport.ReviewEntry(r.reason(), r.status(), r.createdAt(), r.decidedAt()))
                .toList();
        audit.record("participant.export", "participant", id, Map.of());
        return new ParticipantExport(Instant.now(clock), record, network.summary().name(), organisation, notice,
                reviews);
    }

    // --- disclosure to another organisation under the participant's consent (referrals) ---

    /**
     * The personal data a receiving organisation may see under a consent the caller has checked: names and
     * contacts, plus birth date, country of birth and code when {@code identity} is set. It ignores the actor's
     * scope (the receiving side does not hold the record), so the caller must have checked the consent and its
     * own scope first; the read is audited with its purpose and context. Empty once the record is erased.
     */
    public Optional<PersonalData> disclose(UUID id, boolean identity, String purpose, Object context) {
        requireRole(STAFF);
        ParticipantSummary summary = repository.find(id)
                .orElseThrow(() -> new RecordNotFoundException("participant", id));
        if (summary.erased()) {
            return Optional.empty();
        }
        PersonalData p = sealed.open(repository.vault(id).orElseThrow()).personal();
        audit.record("participant.read", "participant", id, Map.of("purpose", purpose,
                "context", String.valueOf(context), "identity", identity));
        return Optional.of(identity ? p
                : new PersonalData(p.surname(), p.givenNames(), null, null, null, p.phone(), p.email()));
    }

    /**
     * Registers in the actor's network a person another network holds, copying the identity data (names, sex,
     * birth date and country, citizenship, code, comune of residence, contacts; never the sensitive fields), so
     * that nobody retypes them. As {@link #disclose}, the caller must have checked the consent that covers it;
     * the read is audited, then the registration as any other.
     */
    public Registration registerFrom(UUID sourceId, Long organisationId, Integer consentNoticeVersion, String purpose,
            Object context) {
        Actor actor = requireRole(STAFF);
        ParticipantSummary source = repository.find(sourceId)
                .orElseThrow(() -> new RecordNotFoundException("participant", sourceId));
        PersonalData p = disclose(sourceId, true, purpose, context)
                .orElseThrow(() -> new RuleViolationException(null, "participant.erased"));
        ParticipantData data = new ParticipantData(p.surname(), p.givenNames(), source.sex(), p.birthDate(),
                p.birthCountry(), source.citizenship(), p.taxCode(), source.residenceIstat(), LocalDate.now(clock),
                p.phone(), p.email(), List.of(), null, null);
        return register(actor.networkCode(), organisationId, consentNoticeVersion, data);
    }

    /**
     * The active record the actor's network already holds for the person {@code data} describes (same code, or
     * same names, birth date, sex and country of birth, as {@link #register} decides), without registering
     * anything: lets a spreadsheet upload report a row as already present instead of refusing it. Returns
     * nothing for project-wide actors, who hold no network.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> heldByNetwork(ParticipantData data) {
        return held(requireRole(STAFF), data, lookups());
    }

    private Optional<UUID> held(Actor actor, ParticipantData data, RegistrationLookups lookups) {
        if (actor.networkCode() == null || data.surname() == null || data.givenNames() == null
                || data.birthDate() == null || data.sex() == null || data.birthCountry() == null) {
            return Optional.empty();
        }
        String code = TaxCode.normalise(data.taxCode());
        UUID byCode = code == null ? null : lookups.personFor(lookups.codeHash(code)).orElse(null);
        UUID byName = lookups.personFor(lookups.personHash(data)).orElse(null);
        UUID person = byCode != null ? byCode
                : byName != null && !(code != null && lookups.hasCode(byName)) ? byName : null;
        if (person == null) {
            return Optional.empty();
        }
        return lookups.ofPerson(person).stream()
                .filter(p -> !p.erased() && p.networkCode().equals(actor.networkCode()))
                .map(ParticipantSummary::id).findFirst();
    }

    /** The actor's own record of a person (by the project-wide pseudonymous id), if their scope holds one. */
    public Optional<ParticipantSummary> recordOfPerson(UUID personId) {
        Actor actor = requireRole(STAFF);
        return repository.ofPerson(personId).stream().filter(p -> !p.erased() && inScope(actor, p)).findFirst();
    }

    // --- changes ---

    /** Corrects a record (right to rectification); refused with a conflict when {@code version} is stale. */
    public void rectify(UUID id, int version, ParticipantData data) {
        Actor actor = requireRole(STAFF);
        ParticipantSummary current = visible(actor, id);
        if (current.erased()) {
            throw new RuleViolationException(null, "participant.erased");
        }
        validate(data);
        String residence = residence(data.residence());
        ParticipantRepository.VaultRow vault = repository.vault(id).orElseThrow();
        SealedFields.Opened before = sealed.open(vault);
        ParticipantData effective = SEES_SENSITIVE.contains(actor.role()) ? data
                : data.withSensitive(before.sensitive());
        if (repository.update(id, version, effective.sex(), effective.birthDate().getYear(),
                effective.citizenship().toUpperCase(), residence, effective.firstContactDate()) == 0) {
            throw new ConcurrentEditException("participant", id);
        }
        repository.updateVault(sealed.reseal(vault, effective));
        repository.markVulnerable(id, !effective.vulnerabilities().isEmpty());
        relink(current, effective);
        audit.record("participant.rectify", "participant", id,
                Map.of("fields", changedFields(current, before, effective, residence)));
    }

    /** New hashes for corrected identity data: claimed for the same person, or a review when another has them. */
    private void relink(ParticipantSummary current, ParticipantData d) {
        String code = TaxCode.normalise(d.taxCode());
        List<UUID> others = new ArrayList<>();
        if (code != null) {
            UUID owner = repository.claim(hashes.code(code), "CODE", current.personId());
            if (!owner.equals(current.personId())) {
                others.add(owner);
            }
        }
        UUID owner = repository.claim(hashes.person(d.surname(), d.givenNames(), d.birthDate(), d.sex().name(),
                d.birthCountry()), "NAME_DOB_SEX_COUNTRY", current.personId());
        if (!owner.equals(current.personId())) {
            others.add(owner);
        }
        repository.replaceNearKeys(current.id(), hashes.nearKeys(d.surname(), d.givenNames(), d.birthDate()));
        others.stream().distinct().flatMap(p -> repository.ofPerson(p).stream()).filter(p -> !p.erased())
                .forEach(p -> repository.insertReview(current.id(), p.id(), MatchReview.Reason.DIFFERENT_CODE));
    }

    /**
     * Erases a participant's personal data (right to erasure) by crypto-shredding: the wrapped data key and every
     * sealed field are deleted, the pseudonymous row stays for the statistics. Network leads, coordinators and
     * administrators only.
     */
    public void erase(UUID id) {
        ParticipantSummary current = visible(requireRole(STAFF), id);
        requireRole(ERASERS);
        if (current.erased()) {
            throw new RuleViolationException(null, "participant.erased");
        }
        shred(current, "REQUEST");
    }

    /** Crypto-shreds a record past retention (the retention job, outside any request). */
    void shredForRetention(UUID id) {
        repository.find(id).filter(p -> !p.erased()).ifPresent(p -> shred(p, "RETENTION"));
    }

    private void shred(ParticipantSummary p, String reason) {
        repository.erase(p.id(), reason);
        repository.forgetIfNoActiveRecord(p.personId());
        audit.record("participant.erase", "participant", p.id(), Map.of("reason", reason));
    }

    // --- shared helpers for the module ---

    /** The record with personal data as the actor may see it (no audit: callers audit). */
    ParticipantRecord record(Actor actor, ParticipantSummary summary) {
        String residenceName = territory.comune(summary.residenceIstat()).map(Comune::name).orElse(null);
        if (summary.erased()) {
            return new ParticipantRecord(summary, null, null, residenceName);
        }
        SealedFields.Opened opened = sealed.open(repository.vault(summary.id()).orElseThrow());
        return new ParticipantRecord(summary, opened.personal(),
                SEES_SENSITIVE.contains(actor.role()) ? opened.sensitive() : null, residenceName);
    }

    /**
     * "Surname given names" of records the caller has already scoped, for a list it shows (the class register);
     * erased records have no name. One audit entry for the whole list.
     */
    Map<UUID, String> names(java.util.Collection<ParticipantSummary> records, String purpose, Object context) {
        Map<UUID, String> names = new LinkedHashMap<>();
        records.stream().filter(p -> !p.erased()).forEach(p -> {
            PersonalData personal = sealed.open(repository.vault(p.id()).orElseThrow()).personal();
            names.put(p.id(), personal.surname() + " " + personal.givenNames());
        });
        if (!names.isEmpty()) {
            audit.record("participant.read", "participant", null, Map.of("purpose", purpose,
                    "context", String.valueOf(context), "shown", names.keySet().stream().map(UUID::toString).toList()));
        }
        return names;
    }

    static Actor requireRole(Set<Role> roles) {
        Actor actor = Actor.require();
        if (!roles.contains(actor.role())) {
            throw new AccessDeniedException("Role " + actor.role() + " may not do this");
        }
        return actor;
    }

    private ParticipantSummary visible(Actor actor, UUID id) {
        return repository.find(id).filter(p -> inScope(actor, p))
                .orElseThrow(() -> new RecordNotFoundException("participant", id));
    }

    private static boolean inScope(Actor actor, ParticipantSummary p) {
        return switch (actor.scope()) {
            case PROJECT -> true;
            case NETWORK -> p.networkCode().equals(actor.networkCode());
            case ORGANISATION -> p.networkCode().equals(actor.networkCode())
                    && Objects.equals(actor.organisationId(), p.organisationId());
        };
    }

    private String registeringNetwork(Actor actor, String networkCode) {
        String requested = blankToNull(networkCode);
        if (!actor.seesWholeProject()) {
            if (requested != null && !requested.equals(actor.networkCode())) {
                throw new AccessDeniedException("Registers for network " + actor.networkCode() + " only");
            }
            return actor.networkCode();
        }
        if (requested == null) {
            throw new RuleViolationException("networkCode", "participant.network.required");
        }
        return requested;
    }

    private long registeringOrganisation(Actor actor, String network, Long organisationId) {
        Long organisation = actor.scope() == ScopeType.ORGANISATION ? actor.organisationId() : organisationId;
        if (organisation == null) {
            throw new RuleViolationException("organisationId", "participant.organisation.required");
        }
        NetworkDetail detail = partnership.network(network)
                .orElseThrow(() -> new RuleViolationException("networkCode", "participant.network.unknown"));
        if (detail.members().stream().noneMatch(m -> m.organisationId() == organisation && m.active())) {
            throw new RuleViolationException("organisationId", "participant.organisation.notMember");
        }
        return organisation;
    }

    private void validate(ParticipantData data) {
        Set<ConstraintViolation<ParticipantData>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            ConstraintViolation<ParticipantData> first = violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
            throw new RuleViolationException(first.getPropertyPath().toString(), "participant.invalid",
                    first.getMessage());
        }
        if (data.birthDate().getYear() < 1900) {
            throw new RuleViolationException("birthDate", "participant.birthDate.range");
        }
        if (data.firstContactDate().isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException("firstContactDate", "participant.firstContact.future");
        }
    }

    /** The ISTAT code of the comune of residence, typed as a code or as a name only one comune has. */
    private String residence(String typed) {
        String normalised = TerritoryCatalogue.normaliseIstatCode(typed);
        if (normalised.matches("\\d{6}")) {
            return territory.comune(normalised).map(Comune::istatCode)
                    .orElseThrow(() -> new RuleViolationException("residence", "participant.residence.unknown", typed));
        }
        TerritoryCatalogue.Resolution resolved = territory.resolve(typed.replace(";", " "));
        if (resolved.codes().size() != 1 || !resolved.unmatched().isEmpty()) {
            throw new RuleViolationException("residence", "participant.residence.unknown", typed);
        }
        return resolved.codes().get(0);
    }

    private static List<String> changedFields(ParticipantSummary s, SealedFields.Opened before, ParticipantData after,
            String residence) {
        PersonalData p = before.personal();
        Map<String, Boolean> changed = new LinkedHashMap<>();
        changed.put("surname", !p.surname().equals(after.surname().strip()));
        changed.put("givenNames", !p.givenNames().equals(after.givenNames().strip()));
        changed.put("sex", s.sex() != after.sex());
        changed.put("birthDate", !p.birthDate().equals(after.birthDate()));
        changed.put("birthCountry", !p.birthCountry().equalsIgnoreCase(after.birthCountry()));
        changed.put("citizenship", !s.citizenship().equalsIgnoreCase(after.citizenship()));
        changed.put("taxCode", !Objects.equals(p.taxCode(), TaxCode.normalise(after.taxCode())));
        changed.put("residence", !s.residenceIstat().equals(residence));
        changed.put("firstContactDate", !s.firstContactDate().equals(after.firstContactDate()));
        changed.put("phone", !Objects.equals(p.phone(), blankToNull(after.phone())));
        changed.put("email", !Objects.equals(p.email(), blankToNull(after.email())));
        changed.put("sensitive", !before.sensitive().equals(after.sensitive()));
        return changed.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
