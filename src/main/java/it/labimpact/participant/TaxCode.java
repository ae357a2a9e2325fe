package it.labimpact.participant;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Codice fiscale: the 16-character personal code (with its check character and the <em>omocodia</em>
 * substitutions) or the 11-digit numeric provisional code (codice fiscale provvisorio) often given to newly
 * arrived people and asylum seekers. Pure Java, no Spring.
 */
public final class TaxCode {

    /** Which of the two codes. */
    public enum Kind { PERSONAL, PROVISIONAL }

    /** Why a code is not valid. */
    public enum Problem { FORMAT, CHECK_CHARACTER }

    /** Birth date and sex as the personal code encodes them; the year is known only within its century. */
    public record Encoded(int yearOfCentury, int month, int day, Sex sex) {

        public boolean matchesBirthDate(LocalDate date) {
            return date.getYear() % 100 == yearOfCentury && date.getMonthValue() == month
                    && date.getDayOfMonth() == day;
        }
    }

    private static final String OMOCODIA = "LMNPQRSTUV";
    private static final String MONTHS = "ABCDEHLMPRST";
    private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10,
        22, 25, 24, 23};
    /** Positions of the personal code that hold digits, or their omocodia letters. */
    private static final int[] NUMERIC = {6, 7, 9, 10, 12, 13, 14};
    private static final java.util.regex.Pattern PERSONAL = java.util.regex.Pattern.compile(
            "[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");

    private TaxCode() {
    }

    /** Upper case without spaces; {@code null} for a blank input. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    /** The kind of a (normalised) code, judged by its shape only. */
    public static Optional<Kind> kindOf(String code) {
        if (code != null && code.length() == 16 && PERSONAL.matcher(code).matches()) {
            return Optional.of(Kind.PERSONAL);
        }
        if (code != null && code.matches("[0-9]{11}")) {
            return Optional.of(Kind.PROVISIONAL);
        }
        return Optional.empty();
    }

    /** What is wrong with a code as typed; empty when it is valid (or blank: the code is optional). */
    public static Optional<Problem> problem(String raw) {
        String code = normalise(raw);
        if (code == null) {
            return Optional.empty();
        }
        Optional<Kind> kind = kindOf(code);
        if (kind.isEmpty()) {
            return Optional.of(Problem.FORMAT);
        }
        boolean ok = kind.get() == Kind.PERSONAL
                ? code.charAt(15) == personalCheckCharacter(code.substring(0, 15))
                : code.charAt(10) - '0' == provisionalCheckDigit(code.substring(0, 10));
        return ok ? Optional.empty() : Optional.of(Problem.CHECK_CHARACTER);
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }

    /** Birth date and sex encoded in a valid personal code; empty for a provisional or invalid code. */
    public static Optional<Encoded> encoded(String raw) {
        String code = normalise(raw);
        if (!isValid(code) || kindOf(code).orElse(null) != Kind.PERSONAL) {
            return Optional.empty();
        }
        char[] c = code.toCharArray();
        for (int i : NUMERIC) {
            int o = OMOCODIA.indexOf(c[i]);
            if (o >= 0) {
                c[i] = (char) ('0' + o);
            }
        }
        int year = Integer.parseInt(new String(c, 6, 2));
        int month = MONTHS.indexOf(c[8]) + 1;
        int day = Integer.parseInt(new String(c, 9, 2));
        Sex sex = day > 40 ? Sex.F : Sex.M;
        return Optional.of(new Encoded(year, month, day > 40 ? day - 40 : day, sex));
    }

    /** A personal code completed with its check character (synthetic data). */
    public static String completePersonal(String first15) {
        return first15 + personalCheckCharacter(first15);
    }

    /** An 11-digit provisional code completed with its check digit (synthetic data). */
    public static String completeProvisional(String first10) {
        return first10 + provisionalCheckDigit(first10);
    }

    /** The check character of the first 15 characters of a personal code. */
    static char personalCheckCharacter(String first15) {
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char ch = first15.charAt(i);
            int value = Character.isDigit(ch) ? ch - '0' : ch - 'A';
            sum += i % 2 == 0 ? ODD[value] : value; // positions 1, 3, … (1-based) use the "odd" table
        }
        return (char) ('A' + sum % 26);
    }

    /** The check digit of the first 10 digits of an 11-digit code (the partita IVA algorithm). */
    static int provisionalCheckDigit(String first10) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int d = first10.charAt(i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
