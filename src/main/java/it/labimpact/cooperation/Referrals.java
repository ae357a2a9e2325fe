package it.labimpact.cooperation;

import it.labimpact.audit.AuditTrail;
import it.labimpact.partnership.NetworkDetail;
import it.labimpact.partnership.Partnership;
import it.labimpact.participant.Assessment;
import it.labimpact.participant.AssessmentKind;
import it.labimpact.participant.Assessments;
import it.labimpact.participant.EnrolmentView;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.ParticipantSummary;
import it.labimpact.participant.PersonalData;
import it.labimpact.participant.Registration;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.ScopeType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals of a participant from one organisation to another, possibly of another network.
 *
 * <p>The sending side picks a participant of its own scope and records the participant's explicit consent (day,
 * information given, what may be shared); without consent the referral is refused. The receiving organisation's
 * network sees the referral in its inbox with the person's project-wide pseudonymous id and the attributes the
 * service needs (age band, sex, citizenship, Italian level), copied when sending. Names and contacts stay in the
 * participant vault: the receiving side reads them only when the consent covers them, and each read is audited
 * there. Its staff take the referral in charge and close it with an outcome, or decline it with a reason; each
 * step is dated, signed and audited.
 *
 * <p>Scope: the sending network's staff see what it sent, the receiving network's staff what it received (an
 * organisation-scoped operator only their organisation's), coordinators and administrators everything without
 * personal data; anything else is "not found". Governance and evaluators see the anonymous facts only.
 */
@Service
@Transactional
public class Referrals {

    private static final Set<Role> STAFF = Set.of(Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR, Role.ADMIN);
    /** An e-mail address or a codice fiscale. */
    private static final Pattern CONTACT_OR_CODE = Pattern.compile(
            "[\\w.+-]+@[\\w-]+\\.[\\w.]+|\\b[A-Za-z]{6}\\d{2}[A-Za-z]\\d{2}[A-Za-z]\\d{3}[A-Za-z]\\b");
    /** Seven or more digits in a row, maybe spaced: a phone number or a code, unless it is a date or years. */
    private static final Pattern DIGITS = Pattern.compile("\\+?(?:\\d[\\s./-]?){7,}");
    private static final Pattern DATE = Pattern.compile(
            "(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|(?:19|20)\\d{2}[/-](?:19|20)?\\d{2})[\\s./-]?");

    private final ReferralRepository repository;
    private final ParticipantRegistry registry;
    private final Assessments assessments;
    private final Enrolments enrolments;
    private final Partnership partnership;
    private final AuditTrail audit;
    private final List<Integer> ageBands;
    private final Clock clock;

    /**
     * @param ageBands lower bounds of the age bands after the first, as the indicators' breakdown uses them
     */
    Referrals(ReferralRepository repository, ParticipantRegistry registry, Assessments assessments,
            Enrolments enrolments, Partnership partnership, AuditTrail audit,
            @Value("${labimpact.indicators.age-bands:18,25,35,50,65}") List<Integer> ageBands,
            Optional<Clock> clock) {
        this.ageBands = ageBands.stream().sorted().toList();
        this.repository = repository;
        this.registry = registry;
        this.assessments = assessments;
        this.enrolments = enrolments;
        this.partnership = partnership;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Whether the actor may send referrals (from their scope's participants). */
    public static boolean canSend(Actor actor) {
        return STAFF.contains(actor.role());
    }

    // --- sending ---

    /** Sends a referral; refused without the participant's consent. */
    public long send(ReferralData data) {
        Actor actor = staff();
        if (data.participantId() == null) {
            throw new RuleViolationException("participantId", "referral.participant.required");
        }
        if (data.toNetworkCode() == null || data.toOrganisationId() == null) {
            throw new RuleViolationException("toOrganisationId", "referral.to.required");
        }
        if (data.service() == null) {
            throw new RuleViolationException("service", "referral.service.required");
        }
        requireConsent(data);
        ParticipantSummary participant = registry.summary(data.participantId());
        if (participant.erased()) {
            throw new RuleViolationException("participantId", "referral.participant.erased");
        }
        long from = actor.scope() == ScopeType.ORGANISATION ? actor.organisationId()
                : Objects.requireNonNullElse(data.fromOrganisationId(), participant.organisationId());
        if (!activeMember(participant.networkCode(), from)) {
            throw new RuleViolationException("fromOrganisationId", "referral.from.notMember");
        }
        String toNetwork = data.toNetworkCode().strip();
        if (partnership.network(toNetwork).isEmpty()) {
            throw new RuleViolationException("toNetworkCode", "referral.to.unknownNetwork");
        }
        if (!activeMember(toNetwork, data.toOrganisationId())) {
            throw new RuleViolationException("toOrganisationId", "referral.to.notMember");
        }
        if (data.toOrganisationId() == from) {
            throw new RuleViolationException("toOrganisationId", "referral.to.same");
        }
        String note = blankToNull(data.note());
        if (note != null) {
            checkNoPersonalData("note", note);
        }
        long id = repository.insert(new ReferralRepository.NewReferral(participant.id(), participant.personId(),
                participant.networkCode(), from, toNetwork, data.toOrganisationId(), data.service(), note,
                data.consentOn(), data.consentNotice().strip(), data.sharingOrDefault(),
                ageBand(participant.birthYear()),
                participant.sex().name(), participant.citizenship(), italianLevel(participant.id())), actor.username());
        audit.record("referral.send", "cooperation_referral", id, Map.of("participant", participant.id().toString(),
                "toNetwork", toNetwork, "toOrganisation", data.toOrganisationId(), "service", data.service().name(),
                "sharing", data.sharingOrDefault().name(), "consentOn", data.consentOn().toString()));
        return id;
    }

    private void requireConsent(ReferralData data) {
        if (!Boolean.TRUE.equals(data.consent())) {
            throw new RuleViolationException("consent", "referral.consent.required");
        }
        if (data.consentOn() == null) {
            throw new RuleViolationException("consentOn", "referral.consentOn.required");
        }
        if (data.consentOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException("consentOn", "referral.consentOn.future");
        }
        if (blankToNull(data.consentNotice()) == null) {
            throw new RuleViolationException("consentNotice", "referral.consentNotice.required");
        }
    }

    // --- reads ---

    /** The referrals the actor may see, newest first: the inbox, what was sent, or both. */
    @Transactional(readOnly = true)
    public PageResponse<ReferralView> list(ReferralQuery query, PageRequest page) {
        Actor actor = staff();
        ReferralRepository.Scope scope = scope(actor, query);
        List<ReferralRepository.ReferralRow> rows = repository.list(scope, query.status(), query.service(),
                page.offset(), page.size());
        PartnershipNames names = new PartnershipNames(partnership);
        return new PageResponse<>(rows.stream().map(r -> view(actor, r, names)).toList(), page.page(), page.size(),
                repository.count(scope, query.status(), query.service()));
    }

    @Transactional(readOnly = true)
    public ReferralView referral(long id) {
        Actor actor = staff();
        return view(actor, visible(actor, id), new PartnershipNames(partnership));
    }

    /**
     * The names and contacts of the referred person for the receiving side, when the consent covers them; read
     * from the vault and audited there as a personal-data read.
     */
    public ReferralContacts contacts(long id) {
        Actor actor = staff();
        ReferralRepository.ReferralRow row = visible(actor, id);
        if (!receiving(actor, row)) {
            throw new RuleViolationException(null, "referral.contacts.receiverOnly");
        }
        if (!row.sharing().covers(ReferralSharing.CONTACTS)) {
            throw new RuleViolationException(null, "referral.contacts.notConsented");
        }
        boolean identity = row.sharing().covers(ReferralSharing.REGISTRATION);
        PersonalData p = registry.disclose(row.participantId(), identity, "referral", id)
                .orElseThrow(() -> new RuleViolationException(null, "referral.participant.erased"));
        return new ReferralContacts(p.surname(), p.givenNames(), p.phone(), p.email(), p.birthDate(),
                p.birthCountry(), p.taxCode());
    }

    /** For the receiving side: its own record of the referred person, if its network has registered them. */
    @Transactional(readOnly = true)
    public Optional<UUID> receivingRecord(long id) {
        Actor actor = staff();
        ReferralRepository.ReferralRow row = visible(actor, id);
        return receiving(actor, row) ? registry.recordOfPerson(row.personId()).map(ParticipantSummary::id)
                : Optional.empty();
    }

    // --- the receiving side's steps ---

    public void takeInCharge(long id, int version) {
        Actor actor = staff();
        ReferralRepository.ReferralRow row = receivable(actor, id);
        requireStatus(row, ReferralStatus.SENT);
        if (repository.takeInCharge(id, version, actor.username()) == 0) {
            throw new ConcurrentEditException("referral", id);
        }
        audit.record("referral.takeInCharge", "cooperation_referral", id, Map.of("network", row.toNetworkCode()));
    }

    public void decline(long id, int version, String reason) {
        Actor actor = staff();
        ReferralRepository.ReferralRow row = receivable(actor, id);
        requireStatus(row, ReferralStatus.SENT);
        String text = blankToNull(reason);
        if (text == null) {
            throw new RuleViolationException("reason", "referral.decline.reasonRequired");
        }
        checkNoPersonalData("reason", text);
        if (repository.decline(id, version, text, actor.username()) == 0) {
            throw new ConcurrentEditException("referral", id);
        }
        audit.record("referral.decline", "cooperation_referral", id, Map.of("network", row.toNetworkCode()));
    }

    public void close(long id, int version, ReferralOutcome outcome, String note) {
        Actor actor = staff();
        ReferralRepository.ReferralRow row = receivable(actor, id);
        requireStatus(row, ReferralStatus.TAKEN_IN_CHARGE);
        if (outcome == null) {
            throw new RuleViolationException("outcome", "referral.close.outcomeRequired");
        }
        String text = blankToNull(note);
        if (text != null) {
            checkNoPersonalData("note", text);
        }
        if (repository.close(id, version, outcome, text, actor.username()) == 0) {
            throw new ConcurrentEditException("referral", id);
        }
        audit.record("referral.close", "cooperation_referral", id, Map.of("network", row.toNetworkCode(),
                "outcome", outcome.name()));
    }

    /**
     * Registers the referred person in the receiving network from the sender's record, without retyping, when the
     * consent covers registration and the network has no record of them yet.
     *
     * @param consentNoticeVersion the privacy notice the person accepted with the receiving organisation
     */
    public UUID registerInReceivingNetwork(long id, Long organisationId, Integer consentNoticeVersion) {
        Actor actor = staff();
        ReferralRepository.ReferralRow row = receivable(actor, id);
        if (!row.sharing().covers(ReferralSharing.REGISTRATION)) {
            throw new RuleViolationException(null, "referral.register.notConsented");
        }
        if (registry.recordOfPerson(row.personId()).isPresent()) {
            throw new RuleViolationException(null, "referral.register.already");
        }
        long organisation = Objects.requireNonNullElse(organisationId, row.toOrganisationId());
        Registration registration = registry.registerFrom(row.participantId(), organisation, consentNoticeVersion,
                "referral.registration", id);
        audit.record("referral.register", "cooperation_referral", id, Map.of("participant",
                registration.participantId().toString()));
        return registration.participantId();
    }

    /** Enrols the referred person, as registered in the receiving network, in one of that network's activities. */
    public EnrolmentView enrol(long id, long activityId) {
        Actor actor = staff();
        ReferralRepository.ReferralRow row = receivable(actor, id);
        requireStatus(row, ReferralStatus.TAKEN_IN_CHARGE);
        UUID record = registry.recordOfPerson(row.personId())
                .orElseThrow(() -> new RuleViolationException("activityId", "referral.enrol.notRegistered"))
                .id();
        EnrolmentView enrolment = enrolments.enrol(record, activityId, null);
        audit.record("referral.enrol", "cooperation_referral", id, Map.of("activity", activityId));
        return enrolment;
    }

    // --- scope ---

    private static Actor staff() {
        Actor actor = Actor.require();
        if (!STAFF.contains(actor.role())) {
            throw new AccessDeniedException("Role " + actor.role() + " has no access to referrals");
        }
        return actor;
    }

    private ReferralRepository.ReferralRow visible(Actor actor, long id) {
        return repository.find(id)
                .filter(r -> actor.seesWholeProject() || sending(actor, r) || receiving(actor, r))
                .orElseThrow(() -> new RecordNotFoundException("referral", id));
    }

    /** A referral the actor may act on as the receiving side: another one is "not found" or refused. */
    private ReferralRepository.ReferralRow receivable(Actor actor, long id) {
        ReferralRepository.ReferralRow row = visible(actor, id);
        if (!receiving(actor, row)) {
            throw new AccessDeniedException("Only the receiving organisation's staff act on referral " + id);
        }
        return row;
    }

    private static boolean sending(Actor a, ReferralRepository.ReferralRow r) {
        return side(a, r.fromNetworkCode(), r.fromOrganisationId());
    }

    private static boolean receiving(Actor a, ReferralRepository.ReferralRow r) {
        return side(a, r.toNetworkCode(), r.toOrganisationId());
    }

    private static boolean side(Actor a, String network, long organisation) {
        return switch (a.scope()) {
            case PROJECT -> false;
            case NETWORK -> network.equals(a.networkCode());
            case ORGANISATION -> network.equals(a.networkCode()) && Objects.equals(a.organisationId(), organisation);
        };
    }

    private static ReferralRepository.Scope scope(Actor actor, ReferralQuery q) {
        boolean sent = q.box() != ReferralQuery.Box.RECEIVED;
        boolean received = q.box() != ReferralQuery.Box.SENT;
        if (actor.seesWholeProject()) {
            String n = blankToNull(q.network());
            return n == null ? new ReferralRepository.Scope(null, null, null, null)
                    : new ReferralRepository.Scope(sent ? n : null, null, received ? n : null, null);
        }
        Long organisation = actor.scope() == ScopeType.ORGANISATION ? actor.organisationId() : null;
        return new ReferralRepository.Scope(sent ? actor.networkCode() : null, organisation,
                received ? actor.networkCode() : null, organisation);
    }

    // --- helpers ---

    private static void requireStatus(ReferralRepository.ReferralRow row, ReferralStatus expected) {
        if (row.status() != expected) {
            throw new RuleViolationException(null, "referral.status.invalid");
        }
    }

    private static void checkNoPersonalData(String field, String text) {
        if (looksPersonal(text)) {
            throw new RuleViolationException(field, "referral.note.personalData");
        }
    }

    /** Whether a free text seems to hold an e-mail, a codice fiscale, or a phone number or code (not a date). */
    private static boolean looksPersonal(String text) {
        return CONTACT_OR_CODE.matcher(text).find() || DIGITS.matcher(text).results()
                .anyMatch(m -> !DATE.matcher(m.group().strip()).matches());
    }

    private boolean activeMember(String network, Long organisation) {
        return organisation != null && partnership.network(network).map(NetworkDetail::members).orElse(List.of())
                .stream().anyMatch(m -> m.organisationId() == organisation && m.active());
    }

    /** The latest Italian L2 level assessed, as the sending side sees it. */
    private String italianLevel(UUID participant) {
        return assessments.of(participant).stream().filter(a -> a.kind() == AssessmentKind.ITALIAN_L2)
                .max(Comparator.comparing(Assessment::date).thenComparing(Assessment::id))
                .map(Assessment::level).orElse(null);
    }

    /** The age band from the birth year, with the bounds of the indicators' breakdown: "0-17" … "65+". */
    private String ageBand(int birthYear) {
        int age = LocalDate.now(clock).getYear() - birthYear;
        int lower = 0;
        for (int bound : ageBands) {
            if (age < bound) {
                return lower + "-" + (bound - 1);
            }
            lower = bound;
        }
        return lower + "+";
    }


    private static ReferralView view(Actor actor, ReferralRepository.ReferralRow r, PartnershipNames names) {
        boolean seesRecord = actor.seesWholeProject() || sending(actor, r);
        return new ReferralView(r.id(), seesRecord ? r.participantId() : null, r.personId(), r.fromNetworkCode(),
                names.network(r.fromNetworkCode()), r.fromOrganisationId(), names.organisation(r.fromOrganisationId()),
                r.toNetworkCode(), names.network(r.toNetworkCode()), r.toOrganisationId(),
                names.organisation(r.toOrganisationId()), r.service(), r.note(), r.consentOn(), r.consentNotice(),
                r.sharing(), r.ageBand(), r.sex(), r.citizenship(), r.italianLevel(), r.status(), r.sentAt(),
                r.sentBy(), r.takenAt(), r.takenBy(), r.closedAt(), r.closedBy(), r.outcome(), r.closingNote(),
                r.version(), receiving(actor, r));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
