package it.labimpact.imports;

import it.labimpact.participant.Countries;
import it.labimpact.participant.Country;
import it.labimpact.participant.Sex;
import it.labimpact.shared.csv.CsvTable;
import it.labimpact.shared.csv.TolerantCsv;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cells of one row read as the kinds of file need them, every problem noted with the row's line and the
 * column's name: Italian (dd/mm/yyyy, also with {@code -} or {@code .}) and ISO dates, times as {@code 9:30} or
 * {@code 09.30}, decimal commas, whole numbers also written {@code 12,0}, sex as a code or a word, countries as ISO
 * codes or names in Italian or English, coded values as their code or one of their words.
 */
final class Cells {

    private static final DateTimeFormatter ITALIAN = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, Sex> SEXES = Map.ofEntries(Map.entry("f", Sex.F), Map.entry("m", Sex.M),
            Map.entry("x", Sex.X), Map.entry("femmina", Sex.F), Map.entry("donna", Sex.F), Map.entry("female", Sex.F),
            Map.entry("woman", Sex.F), Map.entry("maschio", Sex.M), Map.entry("uomo", Sex.M), Map.entry("male", Sex.M),
            Map.entry("man", Sex.M), Map.entry("altro", Sex.X), Map.entry("other", Sex.X));
    private static final Map<String, String> COUNTRY_NAMES = countryNames();

    private final CsvTable.Row row;
    private final List<ImportNote> problems = new ArrayList<>();

    Cells(CsvTable.Row row) {
        this.row = row;
    }

    int line() {
        return row.line();
    }

    List<ImportNote> problems() {
        return List.copyOf(problems);
    }

    boolean ok() {
        return problems.isEmpty();
    }

    void problem(ImportColumn column, String key, Object... args) {
        problems.add(new ImportNote(row.line(), ImportNote.Outcome.REJECTED, column == null ? null : column.label(),
                key, Arrays.stream(args).map(String::valueOf).toList()));
    }

    /** The cell's text; a problem when a required column is empty. */
    String text(ImportColumn column) {
        Optional<String> value = column.in(row);
        if (value.isEmpty() && column.required()) {
            problem(column, "import.required");
        }
        return value.orElse(null);
    }

    /** The cell's text; a problem when empty, whether or not the column is required in every file. */
    String needed(ImportColumn column) {
        Optional<String> value = column.in(row);
        if (value.isEmpty()) {
            problem(column, "import.required");
        }
        return value.orElse(null);
    }

    LocalDate date(ImportColumn column) {
        String typed = text(column);
        if (typed == null) {
            return null;
        }
        Optional<LocalDate> day = day(typed);
        if (day.isEmpty()) {
            problem(column, "imports.date.invalid", typed);
        }
        return day.orElse(null);
    }

    LocalTime time(ImportColumn column) {
        String typed = text(column);
        if (typed == null) {
            return null;
        }
        String t = typed.strip().replace('.', ':');
        if (t.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
            String[] parts = t.split(":");
            int h = Integer.parseInt(parts[0]);
            int m = Integer.parseInt(parts[1]);
            if (h < 24 && m < 60) {
                return LocalTime.of(h, m);
            }
        } else if (t.matches("0?[,:]\\d+|0")) {
            // a time cell of a spreadsheet read as a fraction of a day
            try {
                long minutes = Math.round(new BigDecimal(t.replace(',', '.').replace(':', '.')).doubleValue() * 1440);
                if (minutes >= 0 && minutes < 1440) {
                    return LocalTime.of((int) minutes / 60, (int) minutes % 60);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(column, "imports.time.invalid", typed);
        return null;
    }

    /** A positive whole number (an id), also written {@code 12,0}. */
    Long id(ImportColumn column, String invalidKey) {
        String typed = text(column);
        if (typed == null) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(typed.replace(',', '.'));
            if (n.signum() > 0 && n.stripTrailingZeros().scale() <= 0) {
                return n.longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        problem(column, invalidKey, typed);
        return null;
    }

    /** A number with a decimal point or comma. */
    BigDecimal decimal(ImportColumn column, String invalidKey) {
        String typed = text(column);
        if (typed == null) {
            return null;
        }
        try {
            return new BigDecimal(typed.replace(',', '.'));
        } catch (NumberFormatException e) {
            problem(column, invalidKey, typed);
            return null;
        }
    }

    /** A coded value: its code or one of its words (compared normalised). */
    <E> E code(ImportColumn column, Map<String, E> words, String invalidKey) {
        String typed = text(column);
        if (typed == null) {
            return null;
        }
        E value = words.get(TolerantCsv.normalise(typed));
        if (value == null) {
            problem(column, invalidKey, typed);
        }
        return value;
    }

    /** A coded value from a template's drop-down list: the code, or its label in Italian or English. */
    <E extends Enum<E>> E coded(ImportColumn column, Codes<E> codes) {
        String typed = text(column);
        if (typed == null) {
            return null;
        }
        E value = codes.words().get(TolerantCsv.normalise(typed));
        if (value == null) {
            problem(column, "imports.code.invalid", typed, String.join(", ", codes.codes()));
        }
        return value;
    }

    Sex sex(ImportColumn column) {
        return code(column, SEXES, "imports.sex.invalid");
    }

    String country(ImportColumn column) {
        String typed = text(column);
        if (typed == null) {
            return null;
        }
        String code = typed.strip().toUpperCase(Locale.ROOT);
        if (code.length() == 2 && Countries.byCode(code).isPresent()) {
            return code;
        }
        String byName = COUNTRY_NAMES.get(TolerantCsv.normalise(typed));
        if (byName == null) {
            problem(column, "imports.country.unknown", typed);
        }
        return byName;
    }

    /** The words of an enum's constants: each name, and the words given for it. */
    static <E extends Enum<E>> Map<String, E> words(Class<E> type, Map<E, List<String>> others) {
        Map<String, E> words = new HashMap<>();
        for (E e : type.getEnumConstants()) {
            words.put(TolerantCsv.normalise(e.name()), e);
            words.put(TolerantCsv.normalise(e.name().replace('_', ' ')), e);
            others.getOrDefault(e, List.of()).forEach(w -> words.put(TolerantCsv.normalise(w), e));
        }
        return Map.copyOf(words);
    }

    /** Parses an Italian or ISO day. */
    static Optional<LocalDate> day(String text) {
        String t = text.strip();
        if (t.length() > 10 && t.charAt(10) == ' ' || t.length() > 10 && t.charAt(10) == 'T') {
            t = t.substring(0, 10); // a date-time written by a spreadsheet: the day is enough
        }
        try {
            if (t.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                String[] parts = t.split("-");
                return Optional.of(LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2])));
            }
            if (t.matches("\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}")) {
                return Optional.of(LocalDate.parse(t.replace('.', '/').replace('-', '/'), ITALIAN));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Map<String, String> countryNames() {
        Map<String, String> names = new HashMap<>();
        for (Locale locale : List.of(Locale.ITALIAN, Locale.ENGLISH)) {
            for (Country c : Countries.sorted(locale)) {
                names.putIfAbsent(TolerantCsv.normalise(c.name(locale)), c.code());
            }
        }
        return names;
    }
}
