package it.labimpact.partnership.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

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
    private final NetworksCache cache;
    private final JsonMapper mapper;

    PartnershipApiController(Partnership partnership, TerritoryCatalogue territory, NetworksCache cache,
            JsonMapper mapper) {
        this.partnership = partnership;
        this.territory = territory;
        this.cache = cache;
        this.mapper = mapper;
    }

    @GetMapping(value = "/networks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The 13 territorial networks with their coverage figures", description = """
            The answer is kept while the partnership does not change (any change of coverage, membership, network
            or organisation gives a new answer at once) and for at most 60 s (the residents of the comuni come from
            the territory's uploads). It carries an ETag and `Cache-Control: private, no-cache`: send the ETag back
            in `If-None-Match` and, while nothing has changed, the answer is `304 Not Modified` without a body.""")
    @ApiResponse(responseCode = "200", description = "The networks", content = @Content(
            schema = @Schema(implementation = NetworkPage.class)))
    @ApiResponse(responseCode = "304", description = "Not modified: the ETag given in If-None-Match is current")
    ResponseEntity<byte[]> networks(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageRequest p = new PageRequest(page, size);
        NetworksCache.Answer answer = cache.answer(p.page() + "/" + p.size(), partnership::generation, () -> {
            List<NetworkSummary> all = partnership.networks();
            List<NetworkSummary> slice = all.stream().skip(p.offset()).limit(p.size()).toList();
            return mapper.writeValueAsBytes(new PageResponse<>(slice, p.page(), p.size(), all.size()));
        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache().cachePrivate()).eTag(answer.etag()).body(answer.body());
    }

    /** The shape of the list of networks (a {@link PageResponse}), for the OpenAPI description. */
    record NetworkPage(List<NetworkSummary> items, int page, int size, long total, boolean totalExact) {
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
