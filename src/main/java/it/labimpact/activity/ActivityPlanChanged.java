package it.labimpact.activity;

import java.util.List;

/**
 * The planned hours, the type or the type's completion threshold of these activities changed: whoever derives
 * completion from them (the participants' enrolments) must look again.
 */
public record ActivityPlanChanged(List<Long> activityIds) {

    public ActivityPlanChanged {
        activityIds = List.copyOf(activityIds);
    }
}
