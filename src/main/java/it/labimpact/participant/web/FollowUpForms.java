package it.labimpact.participant.web;

import it.labimpact.participant.Assessment;
import it.labimpact.participant.AssessmentData;
import it.labimpact.participant.AssessmentInstrument;
import it.labimpact.participant.AssessmentKind;
import it.labimpact.participant.AssessmentPhase;
import it.labimpact.participant.CertificationBody;
import it.labimpact.participant.DigCompLevel;
import it.labimpact.participant.EmploymentStatus;
import it.labimpact.participant.Outcome;
import it.labimpact.participant.OutcomeData;
import it.labimpact.participant.OutcomeType;
import it.labimpact.participant.SurveyAnswers;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The forms of the assessment, outcome and survey sections, as typed (text, so that a wrong value comes back to the
 * person as written), and their conversion: a value that cannot be read is a field error (message key).
 */
final class FollowUpForms {

    private FollowUpForms() {
    }

    /** An assessment as typed. */
    record AssessmentForm(String kind, String phase, String date, String level, String area, String instrument,
            String certificationBody, String activityId, String assessorOrganisationId) implements Serializable {

        static AssessmentForm empty() {
            return new AssessmentForm("ITALIAN_L2", "ENTRY", LocalDate.now().toString(), "", "", "PLACEMENT_TEST", "",
                    "", "");
        }

        /** A recorded assessment, as the form to correct it shows it. */
        static AssessmentForm of(Assessment a) {
            return new AssessmentForm(a.kind().name(), a.phase().name(), a.date().toString(), a.level(),
                    text(a.area()), a.instrument().name(), text(a.certificationBody()), text(a.activityId()),
                    text(a.assessorOrganisationId()));
        }

        AssessmentData toData(Map<String, String> errors) {
            return new AssessmentData(value(AssessmentKind.class, "kind", kind, errors),
                    value(AssessmentPhase.class, "phase", phase, errors), FollowUpForms.date("date", date, errors), level,
                    value(DigCompLevel.Area.class, "area", area, errors),
                    value(AssessmentInstrument.class, "instrument", instrument, errors),
                    value(CertificationBody.class, "certificationBody", certificationBody, errors),
                    number("activityId", activityId, errors), number("assessorOrganisationId", assessorOrganisationId,
                            errors));
        }
    }

    /** An outcome as typed. */
    record OutcomeForm(String type, String date, String phase, String employmentStatus, String activityId)
            implements Serializable {

        static OutcomeForm empty() {
            return new OutcomeForm("PROFESSIONAL_GUIDANCE", LocalDate.now().toString(), "", "", "");
        }

        /** A recorded outcome, as the form to correct it shows it. */
        static OutcomeForm of(Outcome o) {
            return new OutcomeForm(o.type().name(), o.date().toString(), text(o.phase()), text(o.employmentStatus()),
                    text(o.activityId()));
        }

        OutcomeData toData(Map<String, String> errors) {
            return new OutcomeData(value(OutcomeType.class, "type", type, errors), FollowUpForms.date("date", date, errors),
                    value(AssessmentPhase.class, "phase", phase, errors),
                    value(EmploymentStatus.class, "employmentStatus", employmentStatus, errors),
                    number("activityId", activityId, errors));
        }
    }

    /** Survey answers as ticked (on the record page, also the activity and, for a link, the language). */
    record SurveyForm(String activityId, String language, String helpful, String contentUseful,
            String scheduleSuitable, String wouldRecommend, String staffUnderstood) implements Serializable {

        static SurveyForm empty() {
            return new SurveyForm("", "it", "", "", "", "", "");
        }

        SurveyAnswers toAnswers(Map<String, String> errors) {
            return new SurveyAnswers(value(SurveyAnswers.Helpful.class, "helpful", helpful, errors),
                    integer("contentUseful", contentUseful, errors),
                    integer("scheduleSuitable", scheduleSuitable, errors),
                    integer("wouldRecommend", wouldRecommend, errors),
                    integer("staffUnderstood", staffUnderstood, errors));
        }

        Long activity(Map<String, String> errors) {
            return number("activityId", activityId, errors);
        }
    }

    static Map<String, String> errors() {
        return new LinkedHashMap<>();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String field, String text, Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            errors.putIfAbsent(field, "assessment.invalid");
            return null;
        }
    }

    private static LocalDate date(String field, String text, Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.putIfAbsent(field, "assessment.invalidDate");
            return null;
        }
    }

    private static Long number(String field, String text, Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.putIfAbsent(field, "assessment.invalid");
            return null;
        }
    }

    private static Integer integer(String field, String text, Map<String, String> errors) {
        Long n = number(field, text, errors);
        if (n != null && (n < 1 || n > 5)) {
            errors.putIfAbsent(field, "survey.item.range");
            return null;
        }
        return n == null ? null : n.intValue();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
