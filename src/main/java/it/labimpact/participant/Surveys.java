package it.labimpact.participant;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.audit.AuditTrail;
import it.labimpact.shared.Actor;
import it.labimpact.shared.RuleViolationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feedback survey at the end of an activity (indicator 9: "the activity was helpful for my integration").
 * Answered on paper and entered by an operator, or by the participant on a phone through a one-time link: a random
 * 256-bit token of which only the SHA-256 is stored, valid 30 days, in the participant's language. One answer per
 * participant and activity: a survey answered twice counts once.
 */
@Service
@Transactional
public class Surveys {

    /** Languages of the survey page. */
    public static final List<String> LANGUAGES = List.of("it", "en", "fr", "es", "ar");

    static final Duration LINK_VALIDITY = Duration.ofDays(30);

    /** What became of an answer sent through a link. */
    public enum Submission { RECORDED, ALREADY_ANSWERED, EXPIRED, UNKNOWN }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AssessmentRepository repository;
    private final FollowUpRules rules;
    private final ActivityCatalogue activities;
    private final AuditTrail audit;

    Surveys(AssessmentRepository repository, FollowUpRules rules, ActivityCatalogue activities, AuditTrail audit) {
        this.repository = repository;
        this.rules = rules;
        this.activities = activities;
        this.audit = audit;
    }

    /** A one-time link for a participant and an activity of their network; the token is returned once. */
    public SurveyLink createLink(UUID participant, Long activityId, String language) {
        ParticipantSummary p = rules.changeable(participant);
        FollowUpRules.required("activityId", activityId);
        rules.activity("activityId", activityId, p);
        if (language == null || !LANGUAGES.contains(language)) {
            throw new RuleViolationException("language", "assessment.survey.language");
        }
        if (repository.answered(participant, activityId)) {
            throw new RuleViolationException("activityId", "assessment.survey.alreadyAnswered");
        }
        String title = activities.detail(activityId).title();
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = Instant.now(rules.clock()).plus(LINK_VALIDITY);
        repository.insertLink(participant, activityId, title, language, hash(token), expires,
                Actor.require().username());
        audit.record("participant.survey.link", "participant", participant,
                Map.of("activity", activityId, "language", language, "expiresAt", expires.toString()));
        return new SurveyLink(token, language, activityId, expires);
    }

    /** Answers given on paper, entered by an operator. */
    public long record(UUID participant, Long activityId, SurveyAnswers answers) {
        ParticipantSummary p = rules.changeable(participant);
        FollowUpRules.required("activityId", activityId);
        rules.activity("activityId", activityId, p);
        validate(answers);
        long id = repository.insertAnswer(participant, activityId, answers, SurveyResponse.Source.OPERATOR,
                Actor.require().username())
                .orElseThrow(() -> new RuleViolationException("activityId", "assessment.survey.alreadyAnswered"));
        audit.record("participant.survey.answer", "participant", participant,
                Map.of("activity", activityId, "source", "OPERATOR"));
        return id;
    }

    /** The survey answers of a participant in the actor's scope. */
    @Transactional(readOnly = true)
    public List<SurveyResponse> of(UUID participant) {
        rules.visible(participant);
        return repository.answers(participant);
    }

    /** What the public page may show for a token (no login, no personal data). */
    @Transactional(readOnly = true)
    public SurveyInvitation invitation(String token) {
        return link(token).map(l -> new SurveyInvitation(state(l), l.language(), l.activityTitle()))
                .orElseGet(SurveyInvitation::unknown);
    }

    /**
     * Answers through a link (no login). Validates the answers first ({@link RuleViolationException} with the
     * field), then uses the link once: a second submission, an expired or an unknown token is refused.
     */
    public Submission answer(String token, SurveyAnswers answers) {
        Optional<AssessmentRepository.LinkRow> found = link(token);
        if (found.isEmpty()) {
            return Submission.UNKNOWN;
        }
        AssessmentRepository.LinkRow l = found.get();
        SurveyInvitation.State state = state(l);
        if (state != SurveyInvitation.State.OPEN) {
            return state == SurveyInvitation.State.EXPIRED ? Submission.EXPIRED : Submission.ALREADY_ANSWERED;
        }
        validate(answers);
        if (!repository.useLink(l.id(), Instant.now(rules.clock()))) {
            return Submission.ALREADY_ANSWERED;
        }
        if (repository.insertAnswer(l.participantId(), l.activityId(), answers, SurveyResponse.Source.LINK, null)
                .isEmpty()) {
            return Submission.ALREADY_ANSWERED;
        }
        audit.recordAs("survey-link", "participant.survey.answer", "participant", l.participantId(),
                Map.of("activity", l.activityId(), "source", "LINK"));
        return Submission.RECORDED;
    }

    private SurveyInvitation.State state(AssessmentRepository.LinkRow l) {
        if (l.usedAt() != null || repository.answered(l.participantId(), l.activityId())) {
            return SurveyInvitation.State.ANSWERED;
        }
        return l.expiresAt().isAfter(Instant.now(rules.clock())) ? SurveyInvitation.State.OPEN
                : SurveyInvitation.State.EXPIRED;
    }

    private Optional<AssessmentRepository.LinkRow> link(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return repository.link(hash(token));
    }

    private static void validate(SurveyAnswers a) {
        if (a == null || a.helpful() == null) {
            throw new RuleViolationException("helpful", "survey.helpful.required");
        }
        Map.of("contentUseful", Optional.ofNullable(a.contentUseful()),
                "scheduleSuitable", Optional.ofNullable(a.scheduleSuitable()),
                "wouldRecommend", Optional.ofNullable(a.wouldRecommend()),
                "staffUnderstood", Optional.ofNullable(a.staffUnderstood()))
                .forEach((field, value) -> value.filter(v -> v < 1 || v > 5).ifPresent(v -> {
                    throw new RuleViolationException(field, "survey.item.range");
                }));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
