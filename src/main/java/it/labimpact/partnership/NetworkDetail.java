package it.labimpact.partnership;

import it.labimpact.territory.Comune;
import java.util.List;

/** A network with its members and the comuni it covers. */
public record NetworkDetail(NetworkSummary summary, int version, List<Member> members, List<CoveredComune> comuni) {

    /** A covered comune and how it came to be covered (screen, import, demo). */
    public record CoveredComune(Comune comune, String source) {
    }
}
