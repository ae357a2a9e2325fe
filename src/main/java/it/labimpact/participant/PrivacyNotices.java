package it.labimpact.participant;

import it.labimpact.audit.AuditTrail;
import it.labimpact.shared.Actor;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The privacy notice (informativa) shown at registration, in Italian and English. Coordinators and
 * administrators publish a new version by editing it; every registration records the version accepted.
 */
@Service
@Transactional
public class PrivacyNotices {

    private final ParticipantRepository repository;
    private final AuditTrail audit;

    PrivacyNotices(ParticipantRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** The current notice in the locale's language (Italian unless English). */
    @Transactional(readOnly = true)
    public PrivacyNotice current(Locale locale) {
        int version = repository.currentNoticeVersion();
        String language = "en".equals(locale.getLanguage()) ? "en" : "it";
        return repository.notice(version, language).orElseThrow();
    }

    /** Publishes both languages as the next version; returns it. */
    public int publish(String italian, String english) {
        Actor actor = ParticipantRegistry.requireRole(EnumSet.of(Role.COORDINATOR, Role.ADMIN));
        if (italian == null || italian.isBlank()) {
            throw new RuleViolationException("italian", "notice.required");
        }
        if (english == null || english.isBlank()) {
            throw new RuleViolationException("english", "notice.required");
        }
        int version = repository.currentNoticeVersion() + 1;
        repository.insertNotice(version, "it", italian.strip(), actor.username());
        repository.insertNotice(version, "en", english.strip(), actor.username());
        audit.record("participant.notice.publish", "participant_privacy_notice", version, Map.of());
        return version;
    }
}
