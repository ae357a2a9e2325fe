package it.labimpact.cooperation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A need or proposal raised by the territory (fabbisogno o proposta), as recorded by a staff member. Who raised it
 * is a partner organisation, a kind of actor, or both.
 *
 * @param comuneIstat the comune it concerns (six-digit ISTAT code), optional
 * @param raisedOn the day it was raised; the board counts it in that day's quarter
 * @param evidenceLink an optional web address (http or https) to a document or page backing it
 */
public record NeedData(
        @NotBlank String networkCode,
        @NotNull NeedTheme theme,
        @Pattern(regexp = "^([0-9]{6})?$", message = "{need.comune.invalid}") String comuneIstat,
        Long raisedByOrganisationId,
        NeedRaiserKind raisedByKind,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate raisedOn,
        @NotBlank @Size(min = 10, max = 4000) String description,
        @Size(max = 4000) String evidence,
        @Size(max = 500) @Pattern(regexp = "^(https?://\\S+)?$", message = "{need.link.invalid}") String evidenceLink) {
}
