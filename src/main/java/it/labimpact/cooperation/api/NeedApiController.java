package it.labimpact.cooperation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.cooperation.NeedData;
import it.labimpact.cooperation.NeedQuery;
import it.labimpact.cooperation.NeedRegistry;
import it.labimpact.cooperation.NeedStatus;
import it.labimpact.cooperation.NeedStatusUpdate;
import it.labimpact.cooperation.NeedTheme;
import it.labimpact.cooperation.NeedView;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Needs and proposals from the territory. Any logged-in user records and reads their network's needs (project-wide
 * users every network's; another network's need answers 404); the network's lead and coordination change the
 * status with the {@code version} read (409 when stale).
 */
@RestController
@RequestMapping("/api/v1/needs")
@Tag(name = "Needs", description = "Needs and proposals from the territory and the networks' response")
class NeedApiController {

    private final NeedRegistry needs;

    NeedApiController(NeedRegistry needs) {
        this.needs = needs;
    }

    @GetMapping
    @Operation(summary = "Needs the caller may read, by network, theme, status and date raised")
    PageResponse<NeedView> list(@RequestParam(required = false) String network,
            @RequestParam(required = false) NeedTheme theme, @RequestParam(required = false) NeedStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return needs.needs(new NeedQuery(network, theme, status, from, to), new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One need with the history of its status")
    NeedView one(@PathVariable long id) {
        return needs.need(id);
    }

    @PostMapping
    @Operation(summary = "Records a need; answers 201 with the need and its address")
    ResponseEntity<NeedView> create(@Valid @RequestBody NeedData body) {
        long id = needs.record(body);
        return ResponseEntity.created(URI.create("/api/v1/needs/" + id)).body(needs.need(id));
    }

    @PutMapping("/{id}/status")
    @Operation(summary = "The network's response: new status and response text, with the version read")
    NeedView status(@PathVariable long id, @Valid @RequestBody NeedStatusUpdate body) {
        needs.changeStatus(id, body);
        return needs.need(id);
    }
}
