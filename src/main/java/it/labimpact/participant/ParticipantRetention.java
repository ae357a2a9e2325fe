package it.labimpact.participant;

import it.labimpact.audit.AuditTrail;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention: once {@code labimpact.retention.years-after-project-end} years have passed since
 * {@code labimpact.project.end-date}, every participant's personal data is crypto-shredded (the pseudonymous
 * rows stay). Runs on {@code labimpact.retention.cron} (daily at 03:30 by default); does nothing while the
 * project end date is not configured. Each record erased is audited, and the run is logged and audited.
 */
@Component
class ParticipantRetention {

    private static final Log log = LogFactory.getLog(ParticipantRetention.class);
    private static final int BATCH = 500;

    private final ParticipantRepository repository;
    private final ParticipantRegistry registry;
    private final AuditTrail audit;
    private final LocalDate projectEnd;
    private final int years;

    ParticipantRetention(ParticipantRepository repository, ParticipantRegistry registry, AuditTrail audit,
            @Value("${labimpact.project.end-date:}") String projectEnd,
            @Value("${labimpact.retention.years-after-project-end:5}") int years) {
        this.repository = repository;
        this.registry = registry;
        this.audit = audit;
        this.projectEnd = projectEnd.isBlank() ? null : LocalDate.parse(projectEnd.strip());
        this.years = years;
    }

    @Scheduled(cron = "${labimpact.retention.cron:0 30 3 * * *}")
    void scheduled() {
        shredExpired(Clock.systemDefaultZone());
    }

    /** Crypto-shreds every record when the retention period is over on the clock's date; returns how many. */
    int shredExpired(Clock clock) {
        if (projectEnd == null) {
            log.debug("Retention: labimpact.project.end-date is not set, nothing to do");
            return 0;
        }
        LocalDate until = projectEnd.plusYears(years);
        if (!LocalDate.now(clock).isAfter(until)) {
            return 0;
        }
        int erased = 0;
        for (List<UUID> batch = repository.activeIds(BATCH); !batch.isEmpty(); batch = repository.activeIds(BATCH)) {
            batch.forEach(registry::shredForRetention);
            erased += batch.size();
        }
        if (erased > 0) {
            log.info("Retention: crypto-shredded the personal data of " + erased + " participants (retention ended "
                    + until + ")");
            audit.record("participant.retention", "participant", null, Map.of("erased", erased,
                    "retentionEnded", until.toString()));
        }
        return erased;
    }
}
