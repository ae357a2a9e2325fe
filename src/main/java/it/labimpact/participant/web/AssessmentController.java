package it.labimpact.participant.web;

import it.labimpact.participant.Assessments;
import it.labimpact.participant.Outcomes;
import it.labimpact.participant.SurveyAnswers;
import it.labimpact.participant.SurveyLink;
import it.labimpact.participant.Surveys;
import it.labimpact.participant.web.FollowUpForms.AssessmentForm;
import it.labimpact.participant.web.FollowUpForms.OutcomeForm;
import it.labimpact.participant.web.FollowUpForms.SurveyForm;
import it.labimpact.shared.RuleViolationException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The assessment, outcome and survey sections of a participant's record: each form posts here and comes back to
 * the record (post-redirect-get), with the values as typed and an error beside each wrong field.
 */
@Controller
class AssessmentController {

    private final Assessments assessments;
    private final Outcomes outcomes;
    private final Surveys surveys;
    private final MessageSource messages;

    AssessmentController(Assessments assessments, Outcomes outcomes, Surveys surveys, MessageSource messages) {
        this.assessments = assessments;
        this.outcomes = outcomes;
        this.surveys = surveys;
        this.messages = messages;
    }

    @PostMapping("/participants/{id}/assessments")
    String assess(@PathVariable String id, @ModelAttribute AssessmentForm form, Locale locale,
            RedirectAttributes redirect) {
        UUID participant = ParticipantController.uuid(id);
        return submit(participant, "assessment", form, redirect, locale, errors -> {
            var data = form.toData(errors);
            if (errors.isEmpty()) {
                assessments.record(participant, data);
            }
            return "assessment.recorded";
        });
    }

    @PostMapping("/participants/{id}/outcomes")
    String outcome(@PathVariable String id, @ModelAttribute OutcomeForm form, Locale locale,
            RedirectAttributes redirect) {
        UUID participant = ParticipantController.uuid(id);
        return submit(participant, "outcome", form, redirect, locale, errors -> {
            var data = form.toData(errors);
            if (errors.isEmpty()) {
                outcomes.record(participant, data);
            }
            return "outcome.recorded";
        });
    }

    @PostMapping("/participants/{id}/surveys")
    String survey(@PathVariable String id, @ModelAttribute SurveyForm form, Locale locale,
            RedirectAttributes redirect) {
        UUID participant = ParticipantController.uuid(id);
        return submit(participant, "survey", form, redirect, locale, errors -> {
            Long activity = form.activity(errors);
            SurveyAnswers answers = form.toAnswers(errors);
            if (errors.isEmpty()) {
                surveys.record(participant, activity, answers);
            }
            return "assessment.survey.recorded";
        });
    }

    @PostMapping("/participants/{id}/surveys/link")
    String link(@PathVariable String id, @ModelAttribute SurveyForm form, Locale locale, RedirectAttributes redirect) {
        UUID participant = ParticipantController.uuid(id);
        return submit(participant, "link", form, redirect, locale, errors -> {
            Long activity = form.activity(errors);
            if (errors.isEmpty()) {
                SurveyLink link = surveys.createLink(participant, activity, form.language());
                redirect.addFlashAttribute("surveyLink", ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path(link.path()).toUriString());
                redirect.addFlashAttribute("surveyLinkExpires", link.expiresAt());
            }
            return "assessment.survey.linkCreated";
        });
    }

    /**
     * Runs a change: conversion errors and rule violations go back to the section with the form as typed, success
     * with its message.
     */
    private String submit(UUID participant, String section, Object form, RedirectAttributes redirect, Locale locale,
            Function<Map<String, String>, String> change) {
        assessments.of(participant);
        Map<String, String> errors = FollowUpForms.errors();
        String success;
        try {
            success = change.apply(errors);
        } catch (RuleViolationException e) {
            errors.put(e.field() == null ? "_form" : e.field(),
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
            success = null;
        }
        String anchor = "link".equals(section) ? "survey" : section;
        if (success == null || !errors.isEmpty()) {
            Map<String, String> shown = new LinkedHashMap<>();
            errors.forEach((field, message) -> shown.put(field,
                    messages.getMessage(message, null, message, locale)));
            redirect.addFlashAttribute(section + "Form", form);
            redirect.addFlashAttribute(section + "Errors", shown);
            return "redirect:/participants/" + participant + "#" + anchor + "-section";
        }
        redirect.addFlashAttribute("success", success);
        return "redirect:/participants/" + participant + "#" + anchor + "-section";
    }
}
