package it.labimpact.partnership;

import java.util.List;

/** An organisation as listed in the directory. */
public record OrganisationSummary(long id, String name, OrganisationKind kind, String projectRole,
        String seatIstat, String seatName, String provinceSigla, List<String> networks, boolean demo) {
}
