package it.labimpact.participant.web;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityQuery;
import it.labimpact.activity.ActivitySummary;
import it.labimpact.participant.AssessmentInstrument;
import it.labimpact.participant.AssessmentKind;
import it.labimpact.participant.AssessmentPhase;
import it.labimpact.participant.Assessments;
import it.labimpact.participant.CertificationBody;
import it.labimpact.participant.DigCompLevel;
import it.labimpact.participant.EmploymentStatus;
import it.labimpact.participant.LanguageLevel;
import it.labimpact.participant.OutcomeType;
import it.labimpact.participant.Outcomes;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.ParticipantSummary;
import it.labimpact.participant.SurveyAnswers;
import it.labimpact.participant.Surveys;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.PageRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the assessment, outcome and survey sections of a participant's record need (lists, progress, the forms and
 * their options), added to the record page's model so that the record's controller stays as it is.
 */
@ControllerAdvice(assignableTypes = ParticipantController.class)
class RecordSections {

    private static final Pattern RECORD = Pattern.compile("/participants/([0-9a-fA-F-]{36})$");

    private final ParticipantRegistry registry;
    private final Assessments assessments;
    private final Outcomes outcomes;
    private final Surveys surveys;
    private final ActivityCatalogue activities;
    private final Partnership partnership;

    RecordSections(ParticipantRegistry registry, Assessments assessments, Outcomes outcomes, Surveys surveys,
            ActivityCatalogue activities, Partnership partnership) {
        this.registry = registry;
        this.assessments = assessments;
        this.outcomes = outcomes;
        this.surveys = surveys;
        this.activities = activities;
        this.partnership = partnership;
    }

    @ModelAttribute
    void sections(HttpServletRequest request, Model model) {
        Matcher m = RECORD.matcher(request.getRequestURI());
        if (!m.find()) {
            return;
        }
        UUID id = UUID.fromString(m.group(1));
        ParticipantSummary participant = registry.summary(id);
        var list = assessments.of(id);
        model.addAttribute("followUp", true);
        model.addAttribute("assessmentList", list);
        model.addAttribute("progress", Assessments.progress(list));
        model.addAttribute("outcomeList", outcomes.of(id));
        model.addAttribute("surveyList", surveys.of(id));
        options(participant, model);
        defaults(model, "assessmentForm", FollowUpForms.AssessmentForm.empty());
        defaults(model, "outcomeForm", FollowUpForms.OutcomeForm.empty());
        defaults(model, "surveyForm", FollowUpForms.SurveyForm.empty());
        defaults(model, "linkForm", FollowUpForms.SurveyForm.empty());
        for (String errors : List.of("assessmentErrors", "outcomeErrors", "surveyErrors", "linkErrors")) {
            defaults(model, errors, Map.of());
        }
    }

    /** The options of the assessment, outcome and survey forms (also on the pages that correct one). */
    void options(ParticipantSummary participant, Model model) {
        List<ActivitySummary> networkActivities = activities.activities(new ActivityQuery(participant.networkCode(),
                null, null, null, null, null, null, null), new PageRequest(0, 200)).items();
        Map<Long, String> titles = networkActivities.stream()
                .collect(Collectors.toMap(ActivitySummary::id, ActivitySummary::title, (a, b) -> a));
        model.addAttribute("networkActivities", networkActivities);
        model.addAttribute("activityTitles", titles);
        model.addAttribute("assessors", partnership.network(participant.networkCode())
                .map(n -> n.members().stream().filter(Member::active).toList()).orElse(List.of()));
        model.addAttribute("assessmentKinds", AssessmentKind.values());
        model.addAttribute("assessmentPhases", AssessmentPhase.values());
        model.addAttribute("languageLevels", LanguageLevel.values());
        model.addAttribute("digCompAreas", DigCompLevel.Area.values());
        model.addAttribute("instruments", AssessmentInstrument.values());
        model.addAttribute("certificationBodies", CertificationBody.values());
        model.addAttribute("outcomeTypes", OutcomeType.values());
        model.addAttribute("employmentStatuses", EmploymentStatus.values());
        model.addAttribute("helpfulValues", SurveyAnswers.Helpful.values());
        model.addAttribute("surveyLanguages", Surveys.LANGUAGES);
    }

    private static void defaults(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }
}
