package it.labimpact.cooperation;

import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Network and organisation names from the partnership, each read at most once while building a page. */
final class PartnershipNames {

    private final Partnership partnership;
    private Map<String, String> networks;
    private final Map<Long, String> organisations = new HashMap<>();

    PartnershipNames(Partnership partnership) {
        this.partnership = partnership;
    }

    String network(String code) {
        if (networks == null) {
            networks = partnership.networks().stream()
                    .collect(Collectors.toMap(NetworkSummary::code, NetworkSummary::name));
        }
        return networks.getOrDefault(code, code);
    }

    String organisation(long id) {
        return organisations.computeIfAbsent(id, o -> partnership.organisation(o)
                .map(d -> d.summary().name()).orElse(String.valueOf(o)));
    }
}
