package it.labimpact.cooperation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.cooperation.GovernanceBodies;
import it.labimpact.cooperation.GovernanceBody;
import it.labimpact.cooperation.MeetingDecision;
import it.labimpact.cooperation.MeetingRegistry;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Governance bodies and the decisions still to be done. Reads are scoped like the pages: project-wide bodies and
 * the caller's network's (every network's for project-scope roles); another network's body answers 404.
 */
@RestController
@RequestMapping("/api/v1/governance")
@Tag(name = "Governance", description = "Steering group, network tables, working groups, pending decisions")
class GovernanceApiController {

    private final GovernanceBodies bodies;
    private final MeetingRegistry meetings;

    GovernanceApiController(GovernanceBodies bodies, MeetingRegistry meetings) {
        this.bodies = bodies;
        this.meetings = meetings;
    }

    @GetMapping("/bodies")
    @Operation(summary = "Governance bodies the caller may read, with their members; network: that network's only")
    List<GovernanceBody> bodies(@RequestParam(required = false) String network) {
        return bodies.bodies(network);
    }

    @GetMapping("/bodies/{id}")
    @Operation(summary = "One governance body with its members")
    GovernanceBody body(@PathVariable long id) {
        return bodies.body(id);
    }

    @GetMapping("/decisions")
    @Operation(summary = "Decisions still open or in progress, earliest due first; overdue ones flagged")
    List<MeetingDecision> pendingDecisions(@RequestParam(required = false) String network,
            @RequestParam(required = false) Long owner) {
        return meetings.pendingDecisions(network, owner);
    }
}
