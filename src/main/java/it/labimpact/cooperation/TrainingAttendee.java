package it.labimpact.cooperation;

import java.math.BigDecimal;
import java.util.List;

/**
 * An operator on a training's attendance list.
 *
 * @param operatorKey the operator's stable pseudonymous key within the module (the same person, same
 *     organisation, in every training)
 * @param trained whether the hours attended reach 70 % of the training's hours
 * @param pre the five answers before the training, empty when not given
 * @param post the five answers after the training, empty when not given
 */
public record TrainingAttendee(long id, String operatorKey, String surname, String givenName, long organisationId,
        String organisationName, TrainingRole role, String roleOther, BigDecimal hoursAttended, boolean trained,
        List<Integer> pre, List<Integer> post) {
}
