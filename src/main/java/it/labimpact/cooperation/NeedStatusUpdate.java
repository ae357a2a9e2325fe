package it.labimpact.cooperation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The network's response to a need: the new status and the response text (required for
 * {@link NeedStatus#ANSWERED} and {@link NeedStatus#NOT_PURSUED}), at the version read.
 */
public record NeedStatusUpdate(@NotNull NeedStatus status, @Size(max = 4000) String response, Integer version) {
}
