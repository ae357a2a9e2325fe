package it.labimpact.cooperation.web;

import it.labimpact.cooperation.GovernanceBodies;
import it.labimpact.cooperation.GovernanceBody;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Form helpers of the governance pages (errors and typed values: {@link it.labimpact.shared.forms.FormErrors}).
 */
final class GovernanceForms {

    private GovernanceForms() {
    }

    /**
     * The candidate organisations, plus a group headed {@code heading} with the {@code chosen} ones that are not
     * among them (a former member, a guest), so that editing a form never drops them silently.
     */
    static List<GovernanceBodies.Candidates> withOthers(List<GovernanceBodies.Candidates> candidates,
            List<GovernanceBody.Member> chosen, String heading) {
        Set<Long> offered = new HashSet<>();
        candidates.forEach(c -> c.organisations().forEach(o -> offered.add(o.organisationId())));
        List<GovernanceBody.Member> others = chosen.stream().filter(o -> !offered.contains(o.organisationId()))
                .toList();
        if (others.isEmpty()) {
            return candidates;
        }
        List<GovernanceBodies.Candidates> all = new ArrayList<>(candidates);
        all.add(new GovernanceBodies.Candidates(heading, others));
        return all;
    }
}
