package it.labimpact.participant.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.participant.FieldWarning;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.ParticipantExport;
import it.labimpact.participant.ParticipantListing;
import it.labimpact.participant.ParticipantQuery;
import it.labimpact.participant.ParticipantRecord;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.PseudonymisedParticipant;
import it.labimpact.participant.Registration;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Participants API: list and search within the caller's scope, registration, a record (audited read),
 * rectification with optimistic locking, erasure, the export of everything held, and pseudonymised rows for
 * evaluators.
 */
@RestController
@RequestMapping("/api/v1/participants")
@Tag(name = "Participants", description = "The participant registry: personal data is encrypted, scoped and audited")
class ParticipantApiController {

    /** A registration: the participant, where they are registered, and the privacy notice version accepted. */
    record RegistrationRequest(@Valid @NotNull ParticipantData participant, String networkCode, Long organisationId,
            @NotNull Integer consentNoticeVersion) {
    }

    /** A rectification: the whole participant, and the version it was read at. */
    record RectificationRequest(@NotNull Integer version, @Valid @NotNull ParticipantData participant) {
    }

    /** The outcome of a registration, with warnings in the caller's language. */
    record RegistrationResponse(UUID id, boolean alreadyRegisteredInProject, List<Warning> warnings) {
    }

    /** A warning on a field. */
    record Warning(String field, String message) {
    }

    private final ParticipantRegistry registry;
    private final MessageSource messages;

    ParticipantApiController(ParticipantRegistry registry, MessageSource messages) {
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "Participants in your scope; q = a tax code (exact) or the start of a surname (audited)")
    PageResponse<ParticipantListing> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) String network, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return registry.list(new ParticipantQuery(q, network), new PageRequest(page, size));
    }

    @PostMapping
    @Operation(summary = "Register a participant; tells only whether the person was already known in the project")
    ResponseEntity<RegistrationResponse> register(@Valid @RequestBody RegistrationRequest request, Locale locale) {
        Registration r = registry.register(request.networkCode(), request.organisationId(),
                request.consentNoticeVersion(), request.participant());
        return ResponseEntity.created(URI.create("/api/v1/participants/" + r.participantId()))
                .body(new RegistrationResponse(r.participantId(), r.alreadyRegisteredInProject(),
                        r.warnings().stream().map(w -> warning(w, locale)).toList()));
    }

    @GetMapping("/pseudonymised")
    @Operation(summary = "Pseudonymised microdata for evaluation: no names, codes or contacts; birth year only")
    PageResponse<PseudonymisedParticipant> pseudonymised(@RequestParam(required = false) String network,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "500") int size) {
        return registry.pseudonymised(network, new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A participant with personal data (the read is audited)")
    ParticipantRecord read(@PathVariable String id) {
        return registry.read(uuid(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rectify a participant; 409 when the version is stale")
    ParticipantRecord rectify(@PathVariable String id, @Valid @RequestBody RectificationRequest request) {
        UUID participant = uuid(id);
        registry.rectify(participant, request.version(), request.participant());
        return registry.read(participant);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Erase a participant's personal data (crypto-shredding); the pseudonymous row stays")
    ResponseEntity<Void> erase(@PathVariable String id) {
        registry.erase(uuid(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/export")
    @Operation(summary = "Everything held on a participant (right of access); audited")
    ParticipantExport export(@PathVariable String id) {
        return registry.export(uuid(id));
    }

    private Warning warning(FieldWarning w, Locale locale) {
        return new Warning(w.field(), messages.getMessage(w.messageKey(), w.argsArray(), w.messageKey(), locale));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new RecordNotFoundException("participant", id);
        }
    }
}
