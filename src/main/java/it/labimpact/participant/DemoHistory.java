package it.labimpact.participant;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityQuery;
import it.labimpact.activity.ActivitySummary;
import it.labimpact.activity.SessionView;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.PageRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo data for the default run only: participants of the past demo activities ("[DEMO] … (storico)"), so that
 * every indicator, trend, breakdown and map has something to show. For each network with past activities, forty
 * people (surnames "[DEMO] …", citizenships of the main communities in Lombardy, some vulnerable, a few also known
 * to a second network) attend the courses with realistic absences; Italian and digital courses have entry and
 * exit assessments (most exits one level up), guidance, skills and reunification activities leave outcomes, and
 * half the people answer the feedback survey. Everything goes through the module's own facades, like real
 * data. Deterministic: the same seed every run. Off with {@code labimpact.demo.history=false} (most tests).
 */
@Component
@ConditionalOnProperty(name = "labimpact.demo.history", havingValue = "true", matchIfMissing = true)
class DemoHistory {

    private static final String[] COUNTRIES = {"MA", "MA", "MA", "AL", "AL", "EG", "EG", "CN", "CN", "UA", "UA", "IN",
        "PH", "PK", "SN", "PE", "EC", "BD", "LK", "NG", "TN", "MD"};
    private static final String[] NAMES_F = {"Aisha", "Mariam", "Olena", "Li", "Fatima", "Rosa", "Amal", "Joy"};
    private static final String[] NAMES_M = {"Youssef", "Ardit", "Omar", "Wei", "Mamadou", "Carlos", "Raj", "Tariq"};
    private static final String[] ITALIAN = {"PRE_ALPHA", "ALPHA", "PRE_A1", "A1", "A2", "B1", "B2"};
    private static final int PEOPLE_PER_NETWORK = 40;

    private final ParticipantRegistry registry;
    private final ParticipantRepository participants;
    private final Enrolments enrolments;
    private final Assessments assessments;
    private final Outcomes outcomes;
    private final Surveys surveys;
    private final ActivityCatalogue activities;
    private final Partnership partnership;

    DemoHistory(ParticipantRegistry registry, ParticipantRepository participants, Enrolments enrolments,
            Assessments assessments, Outcomes outcomes, Surveys surveys, ActivityCatalogue activities,
            Partnership partnership) {
        this.registry = registry;
        this.participants = participants;
        this.enrolments = enrolments;
        this.assessments = assessments;
        this.outcomes = outcomes;
        this.surveys = surveys;
        this.activities = activities;
        this.partnership = partnership;
    }

    /** Loads the history as the acting (demo) user; returns the number of participants registered. */
    int load() {
        Random random = new Random(2026);
        LocalDate today = LocalDate.now();
        Map<String, List<ActivitySummary>> byNetwork = activities.activities(new ActivityQuery(null, null, null, null,
                        null, "(storico)", null, null), new PageRequest(0, 500)).items().stream()
                .filter(ActivitySummary::demo)
                .collect(Collectors.groupingBy(ActivitySummary::networkCode));
        Map<String, List<UUID>> people = new HashMap<>();
        List<ParticipantData> shared = new ArrayList<>();
        int registered = 0;
        for (String network : byNetwork.keySet().stream().sorted().toList()) {
            long lead = partnership.network(network).orElseThrow().summary().leadOrganisationId();
            List<String> comuni = partnership.comuniCoveredBy(network);
            List<UUID> pool = new ArrayList<>();
            for (int i = 0; i < PEOPLE_PER_NETWORK; i++) {
                ParticipantData d = i < 2 && !shared.isEmpty() ? shared.remove(0)
                        : person(random, network, i, comuni.get(random.nextInt(comuni.size())));
                if (i >= 2 && i < 4) {
                    shared.add(d);
                }
                pool.add(registry.register(network, lead, participants.currentNoticeVersion(), d).participantId());
                registered++;
            }
            people.put(network, pool);
        }
        for (Map.Entry<String, List<ActivitySummary>> e : byNetwork.entrySet()) {
            List<UUID> pool = people.get(e.getKey());
            for (ActivitySummary a : e.getValue()) {
                attend(random, a, pool, today);
            }
        }
        return registered;
    }

    private static ParticipantData person(Random random, String network, int i, String comune) {
        Sex sex = random.nextInt(100) < 52 ? Sex.F : Sex.M;
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        String given = (sex == Sex.F ? NAMES_F : NAMES_M)[random.nextInt(8)];
        LocalDate born = LocalDate.of(1962 + random.nextInt(46), 1 + random.nextInt(12), 1 + random.nextInt(28));
        List<Vulnerability> vulnerable = random.nextInt(100) < 10
                ? List.of(Vulnerability.values()[random.nextInt(Vulnerability.values().length)]) : List.of();
        return new ParticipantData("[DEMO] Storico " + network + " " + (i + 1), given, sex, born, country, country,
                null, comune, LocalDate.of(2023, 12, 1).plusDays(random.nextInt(30)), null, null, vulnerable, null,
                null);
    }

    /** Enrols some of the network's people, records every past session, then assessments, outcomes, surveys. */
    private void attend(Random random, ActivitySummary a, List<UUID> pool, LocalDate today) {
        List<UUID> chosen = new ArrayList<>(pool);
        java.util.Collections.shuffle(chosen, random);
        chosen = chosen.subList(0, 8 + random.nextInt(7));
        Map<Long, UUID> enrolled = new HashMap<>();
        for (UUID p : chosen) {
            enrolled.put(enrolments.enrol(p, a.id(), a.startDate().minusDays(3)).id(), p);
        }
        Map<Long, Integer> propensity = new HashMap<>();
        enrolled.keySet().forEach(id -> propensity.put(id, 55 + random.nextInt(45)));
        for (SessionView s : activities.sessions(a.id())) {
            if (s.date().isAfter(today)) {
                continue;
            }
            List<AttendanceMark> marks = enrolled.keySet().stream().sorted()
                    .map(id -> new AttendanceMark(id, random.nextInt(100) < propensity.get(id), null)).toList();
            enrolments.recordSession(a.id(), s.id(), 0, marks);
        }
        boolean ended = a.endDate().isBefore(today);
        String type = a.type().code();
        for (UUID p : chosen) {
            int roll = random.nextInt(100);
            switch (type) {
                case "ITALIAN_L2" -> {
                    int entry = random.nextInt(5);
                    assess(p, AssessmentKind.ITALIAN_L2, AssessmentPhase.ENTRY, a.startDate(), ITALIAN[entry]);
                    if (ended && roll < 80) {
                        assess(p, AssessmentKind.ITALIAN_L2, AssessmentPhase.EXIT, a.endDate(),
                                ITALIAN[roll < 55 ? entry + 1 : entry]);
                    }
                    if (ended && roll < 6) {
                        outcome(p, OutcomeType.LONG_TERM_RESIDENCE, a.endDate());
                    }
                }
                case "DIGITAL_SKILLS" -> {
                    int entry = 1 + random.nextInt(4);
                    assess(p, AssessmentKind.DIGCOMP, AssessmentPhase.ENTRY, a.startDate(), Integer.toString(entry));
                    if (ended && roll < 75) {
                        assess(p, AssessmentKind.DIGCOMP, AssessmentPhase.EXIT, a.endDate(),
                                Integer.toString(roll < 50 ? entry + 1 : entry));
                    }
                }
                case "PROFESSIONAL_GUIDANCE" -> outcome(p, OutcomeType.PROFESSIONAL_GUIDANCE, a.startDate().plusDays(7));
                case "SKILLS_ASSESSMENT" -> {
                    if (roll < 25) {
                        outcome(p, OutcomeType.QUALIFICATION_RECOGNITION, a.startDate().plusDays(21));
                    }
                }
                case "FAMILY_REUNIFICATION" -> {
                    if (roll < 40) {
                        outcome(p, OutcomeType.FAMILY_REUNIFICATION, a.startDate().plusDays(14));
                    }
                }
                default -> { }
            }
            if (ended && roll % 2 == 0) {
                SurveyAnswers.Helpful helpful = roll < 70 ? SurveyAnswers.Helpful.YES
                        : roll < 90 ? SurveyAnswers.Helpful.PARTLY : SurveyAnswers.Helpful.NO;
                surveys.record(p, a.id(), new SurveyAnswers(helpful, 3 + roll % 3, 4, 3 + roll % 3, 5));
            }
        }
    }

    private void assess(UUID participant, AssessmentKind kind, AssessmentPhase phase, LocalDate on, String level) {
        assessments.record(participant, new AssessmentData(kind, phase, on, level, null,
                AssessmentInstrument.PLACEMENT_TEST, null, null, null));
    }

    private void outcome(UUID participant, OutcomeType type, LocalDate on) {
        if (outcomes.of(participant).stream().noneMatch(o -> o.type() == type && o.date().equals(on))) {
            outcomes.record(participant, new OutcomeData(type, on, null, null, null));
        }
    }
}
