package it.labimpact.cooperation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A referral as the sending side enters it. The participant is named by the pseudonymous id of the sender's own
 * record. Consent is required: without it the referral is refused ({@link Referrals#send}).
 *
 * @param fromOrganisationId the sending organisation; the one that registered the participant when empty
 * @param note what the receiving side should know about the request, without personal data
 * @param consent the participant explicitly agreed to the referral
 * @param consentOn the day of that consent
 * @param consentNotice the information given to the participant (e.g. the form and its version)
 * @param sharing what the participant agreed the receiving side may see; {@link ReferralSharing#PROFILE} when empty
 */
public record ReferralData(
        @NotNull UUID participantId,
        Long fromOrganisationId,
        @NotNull @Size(min = 1, max = 60) String toNetworkCode,
        @NotNull Long toOrganisationId,
        @NotNull ReferralService service,
        @Size(max = 500) String note,
        Boolean consent,
        @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate consentOn,
        @Size(max = 200) String consentNotice,
        ReferralSharing sharing) {

    /** The level of sharing consented to. */
    public ReferralSharing sharingOrDefault() {
        return sharing == null ? ReferralSharing.PROFILE : sharing;
    }
}
