package it.labimpact.participant.web;

import it.labimpact.participant.SurveyAnswers;
import it.labimpact.participant.SurveyInvitation;
import it.labimpact.participant.Surveys;
import it.labimpact.participant.web.FollowUpForms.SurveyForm;
import it.labimpact.shared.RuleViolationException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public survey page of a one-time link: no login, no personal data (only the activity's title), in the
 * language the operator chose (Arabic right to left), without JavaScript. An answered, expired or unknown link gets
 * a friendly page, never an error.
 */
@Controller
class SurveyController {

    private final Surveys surveys;
    private final MessageSource messages;

    SurveyController(Surveys surveys, MessageSource messages) {
        this.surveys = surveys;
        this.messages = messages;
    }

    @GetMapping("/survey/{token}")
    String show(@PathVariable String token, Model model) {
        SurveyInvitation invitation = surveys.invitation(token);
        return page(model, invitation, token, SurveyForm.empty(), FollowUpForms.errors(), stateOf(invitation.state()));
    }

    @PostMapping("/survey/{token}")
    String answer(@PathVariable String token, @ModelAttribute SurveyForm form, Model model) {
        SurveyInvitation invitation = surveys.invitation(token);
        Map<String, String> errors = FollowUpForms.errors();
        SurveyAnswers answers = form.toAnswers(errors);
        if (answers.helpful() == null) {
            errors.putIfAbsent("helpful", "survey.helpful.required");
        }
        if (invitation.state() == SurveyInvitation.State.OPEN && errors.isEmpty()) {
            try {
                String state = switch (surveys.answer(token, answers)) {
                    case RECORDED -> "thanks";
                    case ALREADY_ANSWERED -> "answered";
                    case EXPIRED -> "expired";
                    case UNKNOWN -> "unknown";
                };
                return page(model, invitation, token, form, errors, state);
            } catch (RuleViolationException e) {
                errors.put(e.field() == null ? "helpful" : e.field(), e.messageKey());
            }
        }
        return page(model, invitation, token, form, errors, stateOf(invitation.state()));
    }

    private String page(Model model, SurveyInvitation invitation, String token, SurveyForm form,
            Map<String, String> errors, String state) {
        Locale locale = Locale.forLanguageTag(invitation.language());
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("dir", "ar".equals(locale.getLanguage()) ? "rtl" : "ltr");
        model.addAttribute("t", texts(locale));
        errors.replaceAll((field, key) -> key.startsWith("survey.") ? key
                : "helpful".equals(field) ? "survey.helpful.required" : "survey.item.range");
        model.addAttribute("state", state);
        model.addAttribute("activityTitle", invitation.activityTitle());
        model.addAttribute("token", token);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("helpfulValues", SurveyAnswers.Helpful.values());
        model.addAttribute("items", java.util.List.of("contentUseful", "scheduleSuitable", "wouldRecommend",
                "staffUnderstood"));
        return "participant/survey";
    }

    /** The survey's texts in the link's language (not the visitor's interface language): key → text. */
    private Map<String, String> texts(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages/survey", locale);
        Map<String, String> texts = new HashMap<>();
        for (String key : bundle.keySet()) {
            texts.put(key, messages.getMessage(key, null, locale));
        }
        return texts;
    }

    private static String stateOf(SurveyInvitation.State state) {
        return switch (state) {
            case OPEN -> "open";
            case ANSWERED -> "answered";
            case EXPIRED -> "expired";
            case UNKNOWN -> "unknown";
        };
    }
}
