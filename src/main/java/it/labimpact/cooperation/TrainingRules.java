package it.labimpact.cooperation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of operator training that need no database: who counts as trained, how a person is recognised
 * across trainings, and the self-assessment figures.
 *
 * <p><b>Trained.</b> An operator counts as trained in a period when they attended a training whose end date falls
 * in that period for at least 70 % of its planned hours. The same person counts once however many trainings they
 * attended: persons are told apart by their key within the module ({@code operator_key}), one per normalised
 * surname and given name in one organisation.
 */
public final class TrainingRules {

    /** Share of a training's planned hours an operator must attend to count as trained. */
    public static final BigDecimal TRAINED_SHARE = new BigDecimal("0.70");

    private TrainingRules() {
    }

    /** Whether {@code attended} hours of a training of {@code planned} hours make the operator trained. */
    public static boolean trained(BigDecimal attended, BigDecimal planned) {
        return attended.compareTo(planned.multiply(TRAINED_SHARE)) >= 0;
    }

    /**
     * The identity by which an operator is recognised within one organisation: surname and given name in capitals,
     * accents removed, anything but letters turned into single spaces ("D'Angelo  Maria-Luisa" and
     * "dangelo maria luisa" differ, "Nicolò" and "NICOLO" do not).
     */
    public static String identityKey(String surname, String givenName) {
        return normalise(surname) + "|" + normalise(givenName);
    }

    private static String normalise(String s) {
        String plain = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", " ").strip();
    }

    /**
     * The self-assessment figures over the attendees who answered both phases. For each respondent, the change
     * is the mean of their five answers after minus the mean before; the training's change is the mean of those.
     */
    public static TrainingSelfAssessment selfAssessment(List<TrainingAttendee> attendees) {
        List<TrainingAttendee> both = attendees.stream()
                .filter(a -> a.pre().size() == TrainingAnswers.STATEMENTS && a.post().size() == TrainingAnswers.STATEMENTS)
                .toList();
        if (both.isEmpty()) {
            return new TrainingSelfAssessment(0, null, null, null, List.of());
        }
        int n = both.size();
        double pre = both.stream().mapToDouble(a -> mean(a.pre())).sum() / n;
        double post = both.stream().mapToDouble(a -> mean(a.post())).sum() / n;
        List<TrainingSelfAssessment.Statement> statements = new ArrayList<>();
        for (int i = 0; i < TrainingAnswers.STATEMENTS; i++) {
            int item = i;
            double p = both.stream().mapToInt(a -> a.pre().get(item)).sum() / (double) n;
            double q = both.stream().mapToInt(a -> a.post().get(item)).sum() / (double) n;
            statements.add(new TrainingSelfAssessment.Statement(i + 1, round(p), round(q), round(q - p)));
        }
        return new TrainingSelfAssessment(n, round(pre), round(post), round(post - pre), List.copyOf(statements));
    }

    private static double mean(List<Integer> answers) {
        return answers.stream().mapToInt(Integer::intValue).sum() / (double) answers.size();
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
