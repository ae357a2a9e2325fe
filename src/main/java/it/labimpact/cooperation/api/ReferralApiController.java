package it.labimpact.cooperation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.cooperation.ReferralContacts;
import it.labimpact.cooperation.ReferralData;
import it.labimpact.cooperation.ReferralOutcome;
import it.labimpact.cooperation.ReferralQuery;
import it.labimpact.cooperation.ReferralService;
import it.labimpact.cooperation.ReferralStatus;
import it.labimpact.cooperation.ReferralView;
import it.labimpact.cooperation.Referrals;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals of participants between organisations. The sending network sees what it sent, the receiving network
 * what it received; anything else answers 404. Steps carry the {@code version} read (409 when stale); a step the
 * status does not allow, or a referral without consent, answers 422.
 */
@RestController
@RequestMapping("/api/v1/referrals")
@Tag(name = "Referrals", description = "Referrals of participants between organisations, consent-checked")
class ReferralApiController {

    /** A step that needs only the version read. */
    record Step(@NotNull Integer version) {
    }

    /** Declining, with the reason (no personal data). */
    record Decline(@NotNull Integer version, String reason) {
    }

    /** Closing, with the outcome and an optional note (no personal data). */
    record Close(@NotNull Integer version, ReferralOutcome outcome, String note) {
    }

    private final Referrals referrals;

    ReferralApiController(Referrals referrals) {
        this.referrals = referrals;
    }

    @GetMapping
    @Operation(summary = "Referrals the caller may see: box=RECEIVED (the inbox of the caller's network), SENT, or "
            + "both when absent; project-wide callers may filter by network")
    PageResponse<ReferralView> list(@RequestParam(required = false) ReferralQuery.Box box,
            @RequestParam(required = false) ReferralStatus status,
            @RequestParam(required = false) ReferralService service, @RequestParam(required = false) String network,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return referrals.list(new ReferralQuery(box, status, service, network), new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One referral, without personal data")
    ReferralView referral(@PathVariable long id) {
        return referrals.referral(id);
    }

    @PostMapping
    @Operation(summary = "Sends a referral of a participant of the caller's scope; consent is required (422 without)")
    ResponseEntity<ReferralView> send(@Valid @RequestBody ReferralData body) {
        long id = referrals.send(body);
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + id)).body(referrals.referral(id));
    }

    @GetMapping("/{id}/contacts")
    @Operation(summary = "For the receiving side: the names and contacts the consent covers (the read is audited)")
    ReferralContacts contacts(@PathVariable long id) {
        return referrals.contacts(id);
    }

    @PostMapping("/{id}/take-in-charge")
    @Operation(summary = "The receiving organisation takes the referral in charge")
    ReferralView takeInCharge(@PathVariable long id, @Valid @RequestBody Step body) {
        referrals.takeInCharge(id, body.version());
        return referrals.referral(id);
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "The receiving organisation declines a referral not yet taken in charge, with a reason")
    ReferralView decline(@PathVariable long id, @Valid @RequestBody Decline body) {
        referrals.decline(id, body.version(), body.reason());
        return referrals.referral(id);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "The receiving organisation closes a referral it took in charge, with the outcome")
    ReferralView close(@PathVariable long id, @Valid @RequestBody Close body) {
        referrals.close(id, body.version(), body.outcome(), body.note());
        return referrals.referral(id);
    }
}
