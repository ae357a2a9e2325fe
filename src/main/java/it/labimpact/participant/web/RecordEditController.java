package it.labimpact.participant.web;

import it.labimpact.participant.Assessment;
import it.labimpact.participant.Assessments;
import it.labimpact.participant.Outcome;
import it.labimpact.participant.Outcomes;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.ParticipantSummary;
import it.labimpact.participant.web.FollowUpForms.AssessmentForm;
import it.labimpact.participant.web.FollowUpForms.OutcomeForm;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Correcting an assessment or an outcome recorded by mistake: a form pre-filled with what was recorded and its
 * version; saving goes through the modules' corrections (same rules, optimistic locking, audited). A stale version
 * shows the conflict and keeps what was typed; a record outside the actor's scope, or not the participant's, is 404.
 */
@Controller
class RecordEditController {

    private final ParticipantRegistry registry;
    private final Assessments assessments;
    private final Outcomes outcomes;
    private final RecordSections sections;
    private final MessageSource messages;

    RecordEditController(ParticipantRegistry registry, Assessments assessments, Outcomes outcomes,
            RecordSections sections, MessageSource messages) {
        this.registry = registry;
        this.assessments = assessments;
        this.outcomes = outcomes;
        this.sections = sections;
        this.messages = messages;
    }

    @GetMapping("/participants/{id}/assessments/{assessmentId}/edit")
    String editAssessment(@PathVariable String id, @PathVariable long assessmentId, Model model) {
        UUID participant = ParticipantController.uuid(id);
        Assessment a = assessment(participant, assessmentId);
        return assessmentPage(participant, assessmentId, AssessmentForm.of(a), a.version(), Map.of(), model);
    }

    @PostMapping("/participants/{id}/assessments/{assessmentId}")
    String correctAssessment(@PathVariable String id, @PathVariable long assessmentId,
            @ModelAttribute AssessmentForm form, @RequestParam(defaultValue = "-1") int version, Model model,
            Locale locale, RedirectAttributes redirect) {
        UUID participant = ParticipantController.uuid(id);
        assessment(participant, assessmentId);
        Map<String, String> errors = save(errors(), locale, e -> {
            var data = form.toData(e);
            if (e.isEmpty()) {
                assessments.correct(participant, assessmentId, version, data);
            }
        });
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("success", "assessment.corrected");
            return "redirect:/participants/" + participant + "#assessment-section";
        }
        return assessmentPage(participant, assessmentId, form, version, errors, model);
    }

    @GetMapping("/participants/{id}/outcomes/{outcomeId}/edit")
    String editOutcome(@PathVariable String id, @PathVariable long outcomeId, Model model) {
        UUID participant = ParticipantController.uuid(id);
        Outcome o = outcome(participant, outcomeId);
        return outcomePage(participant, outcomeId, OutcomeForm.of(o), o.version(), Map.of(), model);
    }

    @PostMapping("/participants/{id}/outcomes/{outcomeId}")
    String correctOutcome(@PathVariable String id, @PathVariable long outcomeId, @ModelAttribute OutcomeForm form,
            @RequestParam(defaultValue = "-1") int version, Model model, Locale locale,
            RedirectAttributes redirect) {
        UUID participant = ParticipantController.uuid(id);
        outcome(participant, outcomeId);
        Map<String, String> errors = save(errors(), locale, e -> {
            var data = form.toData(e);
            if (e.isEmpty()) {
                outcomes.correct(participant, outcomeId, version, data);
            }
        });
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("success", "outcome.corrected");
            return "redirect:/participants/" + participant + "#outcome-section";
        }
        return outcomePage(participant, outcomeId, form, version, errors, model);
    }

    /** The participant's assessment (in the actor's scope), or 404. */
    private Assessment assessment(UUID participant, long assessmentId) {
        return assessments.of(participant).stream().filter(a -> a.id() == assessmentId).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("assessment", assessmentId));
    }

    /** The participant's outcome (in the actor's scope), or 404. */
    private Outcome outcome(UUID participant, long outcomeId) {
        return outcomes.of(participant).stream().filter(o -> o.id() == outcomeId).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("outcome", outcomeId));
    }

    private static Map<String, String> errors() {
        return FollowUpForms.errors();
    }

    /**
     * Runs a correction: conversion errors and rule violations end up beside their field, a stale version as an
     * error about the whole form; the messages come back resolved in the page's language.
     */
    private Map<String, String> save(Map<String, String> errors, Locale locale, Consumer<Map<String, String>> change) {
        try {
            change.accept(errors);
        } catch (RuleViolationException e) {
            errors.put(e.field() == null ? "_form" : e.field(),
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        } catch (ConcurrentEditException e) {
            errors.put("_form", messages.getMessage("edit.conflict", null, locale));
        }
        Map<String, String> shown = new LinkedHashMap<>();
        errors.forEach((field, message) -> shown.put(field, messages.getMessage(message, null, message, locale)));
        return shown;
    }

    private String assessmentPage(UUID participant, long assessmentId, AssessmentForm form, int version,
            Map<String, String> errors, Model model) {
        page(participant, version, model);
        model.addAttribute("assessmentId", assessmentId);
        model.addAttribute("assessmentForm", form);
        model.addAttribute("assessmentErrors", errors);
        return "participant/assessment-edit";
    }

    private String outcomePage(UUID participant, long outcomeId, OutcomeForm form, int version,
            Map<String, String> errors, Model model) {
        page(participant, version, model);
        model.addAttribute("outcomeId", outcomeId);
        model.addAttribute("outcomeForm", form);
        model.addAttribute("outcomeErrors", errors);
        return "participant/outcome-edit";
    }

    private void page(UUID participant, int version, Model model) {
        ParticipantSummary summary = registry.summary(participant);
        sections.options(summary, model);
        model.addAttribute("participantId", participant);
        model.addAttribute("version", version);
    }
}
