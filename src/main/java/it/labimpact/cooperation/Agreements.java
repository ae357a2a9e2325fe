package it.labimpact.cooperation;

import it.labimpact.audit.AuditTrail;
import it.labimpact.partnership.NetworkDetail;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.OrganisationDetail;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Agreements between organisations (protocols of understanding, co-design agreements, service agreements): the
 * list, one agreement, its creation and changes with optimistic locking, its signed document. Agreements are acts
 * between organisations, not personal data: every logged-in user reads them. A network's lead changes the
 * agreements of their network; coordinators, governance (ANCI) and administrators change any, and alone the
 * project-wide ones. Every change is audited in the same transaction.
 */
@Service
@Transactional
public class Agreements {

    private static final Set<Role> PROJECT_EDITORS = Set.of(Role.COORDINATOR, Role.GOVERNANCE, Role.ADMIN);

    private final AgreementRepository repository;
    private final Partnership partnership;
    private final AuditTrail audit;
    private final DataSize maxDocument;
    private final Clock clock;
    private final CooperationLocks locks;

    Agreements(AgreementRepository repository, Partnership partnership, AuditTrail audit,
            @Value("${labimpact.agreements.max-document-size:5MB}") DataSize maxDocument, Optional<Clock> clock,
            CooperationLocks locks) {
        this.locks = locks;
        this.repository = repository;
        this.partnership = partnership;
        this.audit = audit;
        this.maxDocument = maxDocument;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Whether the actor may change the agreements of a network ({@code null}: the project-wide ones). */
    public static boolean canChange(Actor actor, String networkCode) {
        return PROJECT_EDITORS.contains(actor.role())
                || (actor.role() == Role.NETWORK_LEAD && networkCode != null
                        && networkCode.equals(actor.networkCode()));
    }

    /** Whether the actor may record agreements at all. */
    public static boolean canCreate(Actor actor) {
        return PROJECT_EDITORS.contains(actor.role()) || actor.role() == Role.NETWORK_LEAD;
    }

    /** The largest document accepted. */
    public DataSize maxDocumentSize() {
        return maxDocument;
    }

    // --- reads ---

    @Transactional(readOnly = true)
    public PageResponse<AgreementView> list(AgreementQuery query, PageRequest page) {
        Actor.require();
        List<AgreementRepository.AgreementRow> rows = repository.list(query, page.offset(), page.size());
        Names names = names(rows.stream().flatMap(r -> r.parties().stream()).toList());
        return new PageResponse<>(rows.stream().map(r -> view(r, names)).toList(), page.page(), page.size(),
                repository.count(query));
    }

    @Transactional(readOnly = true)
    public AgreementView agreement(long id) {
        Actor.require();
        AgreementRepository.AgreementRow row = find(id);
        return view(row, names(row.parties()));
    }

    /** The agreement's document; the download is audited. */
    public AgreementDocument document(long id) {
        Actor.require();
        find(id);
        AgreementDocument document = repository.document(id)
                .orElseThrow(() -> new RecordNotFoundException("agreement document", id));
        audit.record("agreement.document.download", "cooperation_agreement", id, Map.of());
        return document;
    }

    // --- changes ---

    public long create(AgreementData data) {
        Actor actor = Actor.require();
        requireChange(actor, data.network());
        check(data);
        ensureOpen(data.network(), data.validFrom(), data.validTo());
        long id = repository.insert(data, actor.username());
        repository.replaceParties(id, data.parties());
        audit.record("agreement.create", "cooperation_agreement", id, details(data));
        return id;
    }

    /** Changes an agreement read at {@code data.version()}; a stale version is a conflict. */
    public void update(long id, AgreementData data) {
        Actor actor = Actor.require();
        AgreementRepository.AgreementRow current = find(id);
        requireChange(actor, current.networkCode());
        requireChange(actor, data.network());
        if (data.version() == null) {
            throw new RuleViolationException("version", "edit.version.required");
        }
        check(data);
        if (!Objects.equals(current.networkCode(), data.network()) || !current.validFrom().equals(data.validFrom())
                || !Objects.equals(current.validTo(), data.validTo())
                || !Set.copyOf(current.parties()).equals(Set.copyOf(data.parties()))) {
            ensureOpen(current.networkCode(), current.validFrom(), current.validTo());
            ensureOpen(data.network(), data.validFrom(), data.validTo());
        }
        if (repository.update(id, data.version(), data) == 0) {
            throw new ConcurrentEditException("agreement", id);
        }
        repository.replaceParties(id, data.parties());
        audit.record("agreement.update", "cooperation_agreement", id, details(data));
    }

    /**
     * Attaches the signed document (replacing the previous one) to an agreement read at {@code version}. The type
     * is read from the bytes: PDF, ODT or DOCX, up to {@link #maxDocumentSize()}; anything else is refused.
     */
    public void attach(long id, int version, String fileName, byte[] content) {
        Actor actor = Actor.require();
        AgreementRepository.AgreementRow current = find(id);
        requireChange(actor, current.networkCode());
        if (content == null || content.length == 0) {
            throw new RuleViolationException("document", "agreement.document.empty");
        }
        if (content.length > maxDocument.toBytes()) {
            throw new RuleViolationException("document", "agreement.document.tooLarge", maxDocument.toMegabytes());
        }
        AgreementDocumentType type = AgreementDocumentType.of(content)
                .orElseThrow(() -> new RuleViolationException("document", "agreement.document.type"));
        String name = type.fileName(fileName);
        String sha256 = sha256(content);
        if (repository.saveDocument(id, version, name, type.contentType(), content, sha256, actor.username()) == 0) {
            throw new ConcurrentEditException("agreement", id);
        }
        audit.record("agreement.document.attach", "cooperation_agreement", id, Map.of("fileName", name,
                "contentType", type.contentType(), "size", content.length, "sha256", sha256));
    }

    // --- rules ---

    private void check(AgreementData d) {
        List<Long> parties = d.parties();
        if (parties.size() < 2) {
            throw new RuleViolationException("partyIds", "agreement.parties.atLeastTwo");
        }
        for (Long party : parties) {
            if (partnership.organisation(party).isEmpty()) {
                throw new RuleViolationException("partyIds", "agreement.parties.unknown", party);
            }
        }
        if (d.network() != null) {
            NetworkDetail network = partnership.network(d.network())
                    .orElseThrow(() -> new RuleViolationException("networkCode", "agreement.network.unknown"));
            Set<Long> members = network.members().stream().map(m -> m.organisationId()).collect(Collectors.toSet());
            if (parties.stream().noneMatch(members::contains)) {
                throw new RuleViolationException("partyIds", "agreement.parties.noMember", network.summary().name());
            }
        }
        if (d.signedOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException("signedOn", "agreement.signedOn.future");
        }
        if (d.validTo() != null && d.validTo().isBefore(d.validFrom())) {
            throw new RuleViolationException("validTo", "agreement.validTo.beforeFrom");
        }
    }

    /**
     * An agreement's parties are tied on every day it is in force: refuses a change whose days, up to today, touch a
     * quarter approved for the network.
     */
    private void ensureOpen(String network, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        locks.ensureOpen("validFrom", network, from, to == null || to.isAfter(today) ? today : to);
    }

    private static void requireChange(Actor actor, String networkCode) {
        if (!canChange(actor, networkCode)) {
            throw new AccessDeniedException("Not allowed to change the agreements of "
                    + (networkCode == null ? "the project" : networkCode));
        }
    }

    private AgreementRepository.AgreementRow find(long id) {
        return repository.find(id).orElseThrow(() -> new RecordNotFoundException("agreement", id));
    }

    /** Organisation and network names, read once for a page of agreements. */
    private record Names(Map<Long, OrganisationDetail> organisations, Map<String, String> networks) {
    }

    private Names names(List<Long> organisationIds) {
        Map<Long, OrganisationDetail> organisations = organisationIds.stream().distinct()
                .map(partnership::organisation).flatMap(Optional::stream)
                .collect(Collectors.toMap(o -> o.summary().id(), Function.identity()));
        Map<String, String> networks = partnership.networks().stream()
                .collect(Collectors.toMap(NetworkSummary::code, NetworkSummary::name));
        return new Names(organisations, networks);
    }

    private static AgreementView view(AgreementRepository.AgreementRow r, Names names) {
        List<AgreementView.Party> parties = r.parties().stream().map(id -> {
            OrganisationDetail o = names.organisations().get(id);
            return new AgreementView.Party(id, o == null ? String.valueOf(id) : o.summary().name(),
                    o == null ? null : o.summary().kind());
        }).sorted(java.util.Comparator.comparing(AgreementView.Party::name)).toList();
        return new AgreementView(r.id(), r.kind(), r.title(), r.networkCode(),
                r.networkCode() == null ? null : names.networks().get(r.networkCode()), parties, r.signedOn(),
                r.validFrom(), r.validTo(), r.scope(), r.document(), r.createdBy(), r.updatedAt(), r.version());
    }

    private static Map<String, Object> details(AgreementData d) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", d.kind().name());
        details.put("title", d.title().strip());
        details.put("network", String.valueOf(d.network()));
        details.put("parties", d.parties());
        details.put("validFrom", d.validFrom().toString());
        details.put("validTo", String.valueOf(d.validTo()));
        return details;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
