package it.labimpact.imports;

import it.labimpact.participant.Countries;
import it.labimpact.participant.Country;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.Sex;
import it.labimpact.shared.csv.CsvTable;
import it.labimpact.shared.csv.TolerantCsv;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a participants file turned into what the facades take, with every problem of its cells: Italian
 * (dd/mm/yyyy, also with {@code -} or {@code .}) and ISO dates, sex as a code or a word, countries as ISO codes or
 * names in Italian or English, the activity id as a whole number (also written {@code 12,0}).
 *
 * @param activityId {@code null} when the row enrols nobody
 */
record ParticipantRow(int line, ParticipantData data, Long activityId, LocalDate enrolledOn, List<ImportNote> problems) {

    private static final DateTimeFormatter ITALIAN = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, Sex> SEXES = Map.ofEntries(Map.entry("f", Sex.F), Map.entry("m", Sex.M),
            Map.entry("x", Sex.X), Map.entry("femmina", Sex.F), Map.entry("donna", Sex.F), Map.entry("female", Sex.F),
            Map.entry("woman", Sex.F), Map.entry("maschio", Sex.M), Map.entry("uomo", Sex.M), Map.entry("male", Sex.M),
            Map.entry("man", Sex.M), Map.entry("altro", Sex.X), Map.entry("other", Sex.X));
    private static final Map<String, String> COUNTRY_NAMES = countryNames();

    static ParticipantRow parse(CsvTable.Row row) {
        Parser p = new Parser(row);
        String surname = p.text(ParticipantColumn.SURNAME);
        String given = p.text(ParticipantColumn.GIVEN_NAMES);
        Sex sex = p.sex();
        LocalDate birth = p.date(ParticipantColumn.BIRTH_DATE);
        String birthCountry = p.country(ParticipantColumn.BIRTH_COUNTRY);
        String citizenship = p.country(ParticipantColumn.CITIZENSHIP);
        String taxCode = p.text(ParticipantColumn.TAX_CODE);
        String residence = p.text(ParticipantColumn.RESIDENCE);
        LocalDate firstContact = p.date(ParticipantColumn.FIRST_CONTACT);
        String phone = p.text(ParticipantColumn.PHONE);
        String email = p.text(ParticipantColumn.EMAIL);
        Long activity = p.activity();
        LocalDate enrolledOn = p.date(ParticipantColumn.ENROLLED_ON);
        if (enrolledOn != null && activity == null) {
            p.problem(ParticipantColumn.ACTIVITY, "imports.enrolment.noActivity");
        }
        ParticipantData data = new ParticipantData(surname, given, sex, birth, birthCountry, citizenship, taxCode,
                residence, firstContact, phone, email, List.of(), null, null);
        return new ParticipantRow(row.line(), data, activity, enrolledOn, List.copyOf(p.problems));
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

    private static final class Parser {
        private final CsvTable.Row row;
        private final List<ImportNote> problems = new ArrayList<>();

        Parser(CsvTable.Row row) {
            this.row = row;
        }

        void problem(ParticipantColumn column, String key, Object... args) {
            problems.add(new ImportNote(row.line(), ImportNote.Outcome.REJECTED, column.names()[0], key,
                    java.util.Arrays.stream(args).map(String::valueOf).toList()));
        }

        String text(ParticipantColumn column) {
            Optional<String> value = column.in(row);
            if (value.isEmpty() && column.required()) {
                problem(column, "import.required");
            }
            return value.orElse(null);
        }

        Sex sex() {
            String typed = text(ParticipantColumn.SEX);
            if (typed == null) {
                return null;
            }
            Sex sex = SEXES.get(TolerantCsv.normalise(typed));
            if (sex == null) {
                problem(ParticipantColumn.SEX, "imports.sex.invalid", typed);
            }
            return sex;
        }

        LocalDate date(ParticipantColumn column) {
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

        String country(ParticipantColumn column) {
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

        Long activity() {
            Optional<String> typed = ParticipantColumn.ACTIVITY.in(row);
            if (typed.isEmpty()) {
                return null;
            }
            try {
                BigDecimal n = new BigDecimal(typed.get().replace(',', '.'));
                if (n.signum() > 0 && n.stripTrailingZeros().scale() <= 0) {
                    return n.longValueExact();
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
            problem(ParticipantColumn.ACTIVITY, "imports.activity.invalid", typed.get());
            return null;
        }
    }
}
