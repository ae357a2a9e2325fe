package it.labimpact.partnership.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.NetworkDetail;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.OrganisationDetail;
import it.labimpact.partnership.OrganisationKind;
import it.labimpact.partnership.OrganisationQuery;
import it.labimpact.partnership.OrganisationSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.territory.Comune;
import it.labimpact.territory.ComuneQuery;
import it.labimpact.territory.TerritoryCatalogue;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read API of the partnership: networks, organisations, comuni with the network covering them. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Partnership", description = "Territorial networks, organisations and the comuni they cover")
class PartnershipApiController {

    /** A network with its members and covered comuni. */
    record NetworkResponse(NetworkSummary network, int version, List<Member> members, List<ComuneResponse> comuni) {
    }

    /** A comune with the network that covers it, if any. */
    record ComuneResponse(String istatCode, String name, String province, String cadastralCode, int population,
            String ambitoCode, Integer tcnResidents, String network) {

        static ComuneResponse of(Comune c, String network) {
            return new ComuneResponse(c.istatCode(), c.name(), c.provinceSigla(), c.cadastralCode(), c.population(),
                    c.ambitoCode(), c.tcnResidents(), network);
        }
    }

    private final Partnership partnership;
    private final TerritoryCatalogue territory;

    PartnershipApiController(Partnership partnership, TerritoryCatalogue territory) {
        this.partnership = partnership;
        this.territory = territory;
    }

    @GetMapping("/networks")
    @Operation(summary = "The 13 territorial networks with their coverage figures")
    PageResponse<NetworkSummary> networks(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageRequest p = new PageRequest(page, size);
        List<NetworkSummary> all = partnership.networks();
        List<NetworkSummary> slice = all.stream().skip(p.offset()).limit(p.size()).toList();
        return new PageResponse<>(slice, p.page(), p.size(), all.size());
    }

    @GetMapping("/networks/{code}")
    @Operation(summary = "One network: members and comuni covered")
    NetworkResponse network(@PathVariable String code) {
        NetworkDetail n = partnership.network(code).orElseThrow(() -> new RecordNotFoundException("network", code));
        return new NetworkResponse(n.summary(), n.version(), n.members(),
                n.comuni().stream().map(c -> ComuneResponse.of(c.comune(), code)).toList());
    }

    @GetMapping("/organisations")
    @Operation(summary = "Organisations, filtered by text, kind, network or province")
    PageResponse<OrganisationSummary> organisations(@RequestParam(required = false) String q,
            @RequestParam(required = false) OrganisationKind kind, @RequestParam(required = false) String network,
            @RequestParam(required = false) String province, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return partnership.organisations(new OrganisationQuery(q, kind, network, province), new PageRequest(page, size));
    }

    @GetMapping("/organisations/{id}")
    @Operation(summary = "One organisation with contacts and memberships")
    OrganisationDetail organisation(@PathVariable long id) {
        return partnership.organisation(id).orElseThrow(() -> new RecordNotFoundException("organisation", id));
    }

    @GetMapping("/comuni")
    @Operation(summary = "Comuni of Lombardy, filtered by province (sigla or code), network, or start of the name")
    PageResponse<ComuneResponse> comuni(@RequestParam(required = false) String province,
            @RequestParam(required = false) String network, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        List<String> codes = null;
        if (network != null && !network.isBlank()) {
            partnership.network(network).orElseThrow(() -> new RecordNotFoundException("network", network));
            codes = partnership.comuniCoveredBy(network);
        }
        PageResponse<Comune> result = territory.comuni(new ComuneQuery(province, q, codes), new PageRequest(page, size));
        Map<String, String> covering = partnership.coveringNetworks(result.items().stream().map(Comune::istatCode)
                .toList());
        return result.map(c -> ComuneResponse.of(c, covering.get(c.istatCode())));
    }
}
