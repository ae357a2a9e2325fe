package it.labimpact.participant;

import it.labimpact.audit.AuditTrail;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.LockedPeriods;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Italian L2 and DigComp 2.2 assessments of a participant at entry, exit and follow-up, and the progress from entry
 * to exit ("improved by at least one level", indicator 8 for Italian L2). Scoped like the registry: a participant
 * outside the actor's scope is "not found"; evaluators and governance have no access. An assessment dated in an
 * approved quarter of the participant's network is neither recorded nor corrected, nor moved into or out of one.
 */
@Service
@Transactional
public class Assessments {

    private final AssessmentRepository repository;
    private final FollowUpRules rules;
    private final Partnership partnership;
    private final AuditTrail audit;
    private final LockedPeriods locks;

    Assessments(AssessmentRepository repository, FollowUpRules rules, Partnership partnership, AuditTrail audit,
            LockedPeriods locks) {
        this.repository = repository;
        this.locks = locks;
        this.rules = rules;
        this.partnership = partnership;
        this.audit = audit;
    }

    /** Records an assessment; returns its id. */
    public long record(UUID participant, AssessmentData d) {
        ParticipantSummary p = rules.changeable(participant);
        Checked c = check(p, d);
        locks.ensureOpen(p.networkCode(), d.date());
        long id = repository.insertAssessment(participant, d.kind(), c.data(), c.language(), c.digComp(),
                Actor.require().username());
        audit.record("participant.assessment.record", "participant", participant, details(id, c));
        return id;
    }

    /**
     * Corrects an assessment recorded by mistake, under the same rules; refused with a conflict when {@code version}
     * is stale, "not found" when the assessment is not the participant's.
     */
    public void correct(UUID participant, long assessmentId, int version, AssessmentData d) {
        ParticipantSummary p = rules.changeable(participant);
        Checked c = check(p, d);
        repository.assessments(participant).stream().filter(a -> a.id() == assessmentId).findFirst()
                .ifPresent(old -> locks.ensureOpen(p.networkCode(), old.date()));
        locks.ensureOpen(p.networkCode(), d.date());
        if (repository.updateAssessment(participant, assessmentId, version, c.data(), c.language(), c.digComp()) == 0) {
            if (repository.assessments(participant).stream().anyMatch(a -> a.id() == assessmentId)) {
                throw new ConcurrentEditException("assessment", assessmentId);
            }
            throw new RecordNotFoundException("assessment", assessmentId);
        }
        audit.record("participant.assessment.correct", "participant", participant, details(assessmentId, c));
    }

    /** An assessment that passed the rules, with its level read on the scale of its kind. */
    private record Checked(AssessmentData data, LanguageLevel language, Integer digComp) {
    }

    private Checked check(ParticipantSummary p, AssessmentData d) {
        FollowUpRules.required("kind", d.kind());
        FollowUpRules.required("phase", d.phase());
        FollowUpRules.required("instrument", d.instrument());
        rules.date("date", d.date(), p);
        LanguageLevel language = null;
        Integer digComp = null;
        if (d.kind() == AssessmentKind.ITALIAN_L2) {
            language = LanguageLevel.parse(d.level())
                    .orElseThrow(() -> new RuleViolationException("level", "assessment.level.notOnScale"));
            if (d.area() != null) {
                throw new RuleViolationException("area", "assessment.area.languageOnly");
            }
        } else {
            digComp = digCompLevel(d.level());
        }
        if (d.instrument() == AssessmentInstrument.CERTIFICATION && d.certificationBody() == null) {
            throw new RuleViolationException("certificationBody", "assessment.certificationBody.required");
        }
        if (d.activityId() != null) {
            rules.activity("activityId", d.activityId(), p);
        }
        if (d.assessorOrganisationId() != null && partnership.organisation(d.assessorOrganisationId()).isEmpty()) {
            throw new RuleViolationException("assessorOrganisationId", "assessment.assessor.unknown");
        }
        AssessmentData effective = d.instrument() == AssessmentInstrument.CERTIFICATION ? d
                : new AssessmentData(d.kind(), d.phase(), d.date(), d.level(), d.area(), d.instrument(), null,
                        d.activityId(), d.assessorOrganisationId());
        return new Checked(effective, language, digComp);
    }

    private static Map<String, Object> details(long id, Checked c) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("assessment", id);
        details.put("kind", c.data().kind().name());
        details.put("phase", c.data().phase().name());
        details.put("level", c.language() != null ? c.language().name() : c.digComp());
        return details;
    }

    /** The assessments of a participant in the actor's scope, oldest first. */
    @Transactional(readOnly = true)
    public List<Assessment> of(UUID participant) {
        rules.visible(participant);
        return repository.assessments(participant);
    }

    /** Entry → exit per kind (and DigComp area): the earliest entry and the latest exit. */
    @Transactional(readOnly = true)
    public List<LevelProgress> progress(UUID participant) {
        return progress(of(participant));
    }

    /** Entry → exit from a list of assessments (no access check: pure). */
    public static List<LevelProgress> progress(List<Assessment> assessments) {
        record Key(AssessmentKind kind, DigCompLevel.Area area) {
        }
        Map<Key, List<Assessment>> groups = new LinkedHashMap<>();
        assessments.stream().sorted(Comparator.comparing(Assessment::date).thenComparing(Assessment::id))
                .forEach(a -> groups.computeIfAbsent(new Key(a.kind(), a.area()), k -> new ArrayList<>()).add(a));
        List<LevelProgress> result = new ArrayList<>();
        groups.forEach((key, list) -> {
            Assessment entry = list.stream().filter(a -> a.phase() == AssessmentPhase.ENTRY).findFirst().orElse(null);
            Assessment exit = list.stream().filter(a -> a.phase() == AssessmentPhase.EXIT)
                    .reduce((first, second) -> second).orElse(null);
            Boolean improved = entry == null || exit == null ? null
                    : key.kind() == AssessmentKind.ITALIAN_L2
                            ? LanguageLevel.improvedByAtLeastOneLevel(entry.languageLevel(), exit.languageLevel())
                            : DigCompLevel.improved(entry.digCompLevel(), exit.digCompLevel());
            result.add(new LevelProgress(key.kind(), key.area(), entry, exit, improved));
        });
        return result;
    }

    private static int digCompLevel(String text) {
        try {
            int level = Integer.parseInt(Objects.requireNonNullElse(text, "").strip());
            if (level >= 1 && level <= 8) {
                return level;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number off the scale
        }
        throw new RuleViolationException("level", "assessment.digcomp.range");
    }
}
