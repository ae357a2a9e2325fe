package it.labimpact.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.IndicatorFixtures;
import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.cooperation.AgreementData;
import it.labimpact.cooperation.AgreementKind;
import it.labimpact.cooperation.Agreements;
import it.labimpact.cooperation.MeetingAttendanceUpdate;
import it.labimpact.cooperation.MeetingData;
import it.labimpact.cooperation.MeetingMode;
import it.labimpact.cooperation.MeetingRegistry;
import it.labimpact.cooperation.MeetingStatus;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.Sex;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The things and cooperation indicators kept while their facts are unchanged ({@link ThingsCache}) give exactly what
 * the reviewed computations give from the facts: after each kind of change to the facts they read — an activity's
 * partners, status, dates and comune; an organisation's kind; membership; coverage and population; a network's
 * lead; a meeting held and its attendance; an agreement and its days; a referral sent and closed; a training
 * attended; each change undone; a write rolled back after a read in its own transaction — for two quarters, the year
 * and the project to date, for the project and each network, every cell. Each change alters the values, so a value
 * kept from before the change would be caught; a change is visible at the next read through {@link Indicators}; and
 * the refresher keeps the current quarter's and the project to date's values ahead of the readers.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThingsCacheTest {

    private static final String M = "milano";
    private static final String C = "cremasca";
    private static final List<String> NETWORKS = Arrays.asList(null, M, C);
    private static final String TAG = "[THINGS] ";

    @Autowired Indicators indicators;
    @Autowired IndicatorEngine engine;
    @Autowired IndicatorStore store;
    @Autowired ThingsCache kept;
    @Autowired IndicatorSettings settings;
    @Autowired TransactionTemplate transactions;
    @Autowired ActivityManagement activities;
    @Autowired ParticipantRegistry registry;
    @Autowired Enrolments enrolments;
    @Autowired MeetingRegistry meetings;
    @Autowired Agreements agreements;
    @Autowired JdbcClient jdbc;
    @Autowired IndicatorStoreRefresher refresher;

    private long o1;
    private long o2;
    private long o3;
    private long o4;
    private long o5;
    private long a1;
    private long a2;
    private long a3;
    private String comune;
    private int population;
    private UUID participant;
    private final List<Long> meetingIds = new ArrayList<>();
    private final List<Long> agreementIds = new ArrayList<>();

    @BeforeAll
    void buildTheDataset() {
        clean();
        o1 = organisation("uno", "THIRD_SECTOR");
        o2 = organisation("due", "SCHOOL");
        o3 = organisation("tre", "JOB_CENTRE");
        o4 = organisation("quattro", "MIGRANT_ASSOCIATION");
        o5 = organisation("cinque", "CPIA");
        for (long o : List.of(o1, o2, o3)) {
            member(M, o, "2024-01-01");
        }
        for (long o : List.of(o3, o4, o5)) {
            member(C, o, "2024-01-01");
        }
        a1 = data().activity(TAG + "L2", M, "ITALIAN_L2", "015146", "2025-04-01", "2025-12-15", List.of(o1, o2));
        a2 = data().activity(TAG + "sportello", M, "INFO_DESK", "015146", "2025-05-01", "2025-09-30", List.of(o2, o3));
        a3 = data().activity(TAG + "digitale", C, "DIGITAL_SKILLS", "019035", "2025-04-15", "2025-06-30",
                List.of(o4, o5));
        comune = jdbc.sql("select istat_code from territory_comune where istat_code not in (select istat_code from"
                + " partnership_network_comune) and istat_code not in ('015146', '019035') order by istat_code"
                + " limit 1").query(String.class).single();
        population = jdbc.sql("select population from territory_comune where istat_code = :c").param("c", comune)
                .query(Integer.class).single();
        participant = data().register(M, new ParticipantData("Things", "Persona", Sex.F, LocalDate.of(1990, 1, 1),
                "MA", "MA", null, "015146", LocalDate.parse("2025-03-01"), null, null, List.of(), null, null));
    }

    @AfterAll
    void clean() {
        TestActors.clear();
        jdbc.sql("delete from cooperation_referral where service like '[THINGS]%'").update();
        jdbc.sql("delete from cooperation_training where title like '[THINGS]%'").update();
        jdbc.sql("delete from cooperation_training_operator where surname = 'Things'").update();
        for (long id : meetingIds) {
            jdbc.sql("delete from cooperation_meeting where id = :id").param("id", id).update();
        }
        for (long id : agreementIds) {
            jdbc.sql("delete from cooperation_agreement_party where agreement_id = :id").param("id", id).update();
            jdbc.sql("delete from cooperation_agreement where id = :id").param("id", id).update();
        }
        jdbc.sql("delete from activity_activity where title like '[THINGS]%'").update();
        if (comune != null) {
            jdbc.sql("delete from partnership_network_comune where istat_code = :c").param("c", comune).update();
            jdbc.sql("update territory_comune set population = :p where istat_code = :c").param("p", population)
                    .param("c", comune).update();
        }
        if (participant != null) {
            jdbc.sql("delete from participant_identity where person_id = (select person_id from participant"
                    + " where id = :p)").param("p", participant).update();
            for (String table : List.of("participant_near_key", "participant_vault")) {
                jdbc.sql("delete from " + table + " where participant_id = :p").param("p", participant).update();
            }
            jdbc.sql("delete from participant where id = :p").param("p", participant).update();
            participant = null;
        }
        jdbc.sql("delete from partnership_membership where organisation_id in (select id from partnership_organisation"
                + " where name like '[THINGS]%')").update();
        jdbc.sql("delete from partnership_organisation where name like '[THINGS]%'").update();
    }

    @Test
    @Order(1)
    void theKeptValuesAreTheComputedOnes() {
        assertSameAsTheFacts("the dataset as built");
        // read again without a change: the same generation, the values kept
        long generation = transactions.execute(t -> kept.generation()).longValue();
        Map<String, String> again = cells(Period.quarter(2025, 2), M, true);
        assertThat(transactions.execute(t -> kept.generation()).longValue()).isEqualTo(generation);
        IndicatorDefinition ties = indicators.definition("P1-COOP-TIES");
        assertThat(kept.get(generation, ties, Period.quarter(2025, 2), M, settings)).isNotNull();
        assertThat(again).containsKey("P1-COOP-TIES milano null null");
        assertThat(jdbc.sql("select count(*) from activity_fact_write").query(Long.class).single())
                .as("the feeds are taken").isZero();
    }

    @Test
    @Order(2)
    void anActivitysPartnersStatusDatesAndComune() {
        change("a partner added", "insert into activity_organisation (activity_id, organisation_id) values (:a, :o)",
                Map.of("a", a1, "o", o3));
        change("an activity cancelled", "update activity_activity set status = 'CANCELLED' where id = :a",
                Map.of("a", a2));
        change("an activity under way again", "update activity_activity set status = 'ONGOING' where id = :a",
                Map.of("a", a2));
        change("an activity moved to the third quarter", "update activity_activity set start_date = '2025-07-01',"
                + " end_date = '2025-09-15' where id = :a", Map.of("a", a3));
        change("an activity's comune", "update activity_activity set comune_istat = '015027' where id = :a",
                Map.of("a", a1));
        change("a partner removed", "delete from activity_organisation where activity_id = :a and organisation_id = :o",
                Map.of("a", a1, "o", o3));
    }

    @Test
    @Order(3)
    void anOrganisationsKindMembershipCoverageAndPopulation() {
        change("an organisation's kind", "update partnership_organisation set kind = 'THIRD_SECTOR' where id = :o",
                Map.of("o", o2));
        change("a membership ended", "update partnership_membership set until = '2024-06-30'"
                + " where organisation_id = :o and network_id = (select id from partnership_network where code = :n)",
                Map.of("o", o3, "n", C));
        change("a membership back", "update partnership_membership set until = null where organisation_id = :o",
                Map.of("o", o3));
        change("a comune covered", "insert into partnership_network_comune (istat_code, network_id, source)"
                + " select :c, id, 'SCREEN' from partnership_network where code = :n", Map.of("c", comune, "n", M));
        change("its population", "update territory_comune set population = population + 1000 where istat_code = :c",
                Map.of("c", comune));
        change("an organisation's kind back", "update partnership_organisation set kind = 'SCHOOL' where id = :o",
                Map.of("o", o2));
    }

    @Test
    @Order(4)
    void aNetworksLead() {
        long lead = jdbc.sql("select lead_organisation_id from partnership_network where code = :n").param("n", C)
                .query(Long.class).single();
        change("a network's lead", "update partnership_network set lead_organisation_id = :o where code = :n",
                Map.of("o", o4, "n", C));
        change("the lead back", "update partnership_network set lead_organisation_id = :o where code = :n",
                Map.of("o", lead, "n", C));
    }

    @Test
    @Order(5)
    void aMeetingHeldAndItsAttendance() {
        long table = jdbc.sql("select id from cooperation_governance_body where kind = 'NETWORK_TABLE'"
                + " and network_code = :n").param("n", M).query(Long.class).single();
        long[] meeting = new long[1];
        changed("a meeting held", () -> TestActors.run(TestActors.coordinator(), () -> {
            meeting[0] = meetings.create(new MeetingData(table, LocalDate.of(2025, 5, 12), LocalTime.of(10, 0),
                    LocalTime.of(12, 0), MeetingMode.IN_PERSON, "Sala", null, "Ordine del giorno", null,
                    MeetingStatus.PLANNED, List.of(o1, o4, o5), null));
            meetingIds.add(meeting[0]);
            meetings.saveAttendance(meeting[0], new MeetingAttendanceUpdate(0, List.of(
                    new MeetingAttendanceUpdate.Entry(o1, true, 1), new MeetingAttendanceUpdate.Entry(o4, true, 2),
                    new MeetingAttendanceUpdate.Entry(o5, true, 1))));
        }));
        change("an organisation absent after all", "update cooperation_meeting_attendance set present = false,"
                + " people = 0 where meeting_id = :m and organisation_id = :o", Map.of("m", meeting[0], "o", o5));
    }

    @Test
    @Order(6)
    void anAgreementAndItsDays() {
        changed("an agreement", () -> TestActors.run(TestActors.coordinator(), () -> agreementIds.add(
                agreements.create(new AgreementData(AgreementKind.PROTOCOL, "Protocollo d'intesa", M,
                        List.of(o1, o5, o3), LocalDate.of(2025, 4, 10), LocalDate.of(2025, 5, 1), null, null,
                        null)))));
        change("its end", "update cooperation_agreement set valid_to = '2025-06-30' where id = :g",
                Map.of("g", agreementIds.get(0)));
        change("a party less", "delete from cooperation_agreement_party where agreement_id = :g and organisation_id = :o",
                Map.of("g", agreementIds.get(0), "o", o3));
    }

    @Test
    @Order(7)
    void aReferralSentAndClosed() {
        change("a referral between two networks", """
                insert into cooperation_referral (participant_id, person_id, from_network_code, from_organisation_id,
                    to_network_code, to_organisation_id, service, consent_on, consent_notice, sharing, age_band, sex,
                    citizenship, sent_at, sent_by)
                select :p, person_id, 'milano', :from, 'cremasca', :to, '[THINGS] corso', '2025-08-01', 'v1',
                    'PROFILE', '35-49', 'F', 'MA', '2025-08-01 10:00+02', 'test'
                from participant where id = :p""", Map.of("p", participant, "from", o1, "to", o4));
        change("the referral closed in the fourth quarter", "update cooperation_referral set status = 'CLOSED',"
                + " taken_at = '2025-08-02 10:00+02', taken_by = 'test', closed_at = '2025-10-20 10:00+02',"
                + " closed_by = 'test', outcome = 'DONE' where service like '[THINGS]%'", Map.of());
    }

    @Test
    @Order(8)
    void aTrainingAttended() {
        change("a training attended", """
                with t as (insert into cooperation_training (title, theme, organiser_organisation_id, network_code,
                    start_date, end_date, hours, mode)
                    values ('[THINGS] formazione', 'MEDIATION', :o, 'cremasca', '2025-09-01', '2025-09-30', 10,
                    'IN_PERSON') returning id),
                op as (insert into cooperation_training_operator (organisation_id, identity_key, surname, given_name)
                    values (:o, 'things-operatore', 'Things', 'Operatore') returning id)
                insert into cooperation_training_attendance (training_id, operator_id, organisation_kind, role,
                    hours_attended)
                select t.id, op.id, 'MIGRANT_ASSOCIATION', 'OTHER', 8 from t, op""", Map.of("o", o4));
        change("fewer hours", "update cooperation_training_attendance set hours_attended = 2 where training_id ="
                + " (select id from cooperation_training where title like '[THINGS]%')", Map.of());
    }

    @Test
    @Order(9)
    void aWriteRolledBackAfterAReadInItsOwnTransaction() {
        Map<String, String> before = cells(ptd(), null, false);
        transactions.executeWithoutResult(t -> {
            jdbc.sql("update partnership_organisation set kind = 'RESEARCH' where id = :o").param("o", o1).update();
            engine.compute(thingDefinitions(), ptd(), null, settings, true);
            t.setRollbackOnly();
        });
        assertThat(cells(ptd(), null, true)).as("nothing kept from the rolled-back transaction").isEqualTo(before);
        assertSameAsTheFacts("a write rolled back");
    }

    @Test
    @Order(10)
    void aChangeIsVisibleAtTheNextRead() {
        Period q2 = Period.quarter(2025, 2);
        int ties = TestActors.call(TestActors.coordinator(), () -> total(indicators.compute(q2, M), "P1-COOP-TIES"));
        int agreementsInForce = TestActors.call(TestActors.coordinator(),
                () -> total(indicators.compute(q2, M), "P1-AGREEMENTS"));
        TestActors.run(TestActors.coordinator(), () -> agreementIds.add(agreements.create(new AgreementData(
                AgreementKind.PROTOCOL, "Protocollo d'intesa", M, List.of(o2, o4), LocalDate.of(2025, 4, 10),
                LocalDate.of(2025, 4, 20), null, null, null))));
        TestActors.run(TestActors.coordinator(), () -> {
            IndicatorResult after = indicators.compute(q2, M);
            assertThat(total(after, "P1-COOP-TIES")).isEqualTo(ties + 1);
            assertThat(total(after, "P1-AGREEMENTS")).isEqualTo(agreementsInForce + 1);
        });
    }

    @Test
    @Order(11)
    void theRefresherKeepsTheCurrentQuarterAndTheProjectToDateAheadOfTheReaders() {
        jdbc.sql("update cooperation_agreement set valid_to = null where id = :g").param("g", agreementIds.get(0))
                .update();
        refresher.refresh();
        long generation = transactions.execute(t -> kept.generation()).longValue();
        Period quarter = Period.quarterOf(LocalDate.now());
        for (Period period : List.of(quarter, ptd())) {
            for (IndicatorDefinition d : thingDefinitions()) {
                if (ThingsCache.keeps(d)) {
                    assertThat(kept.get(generation, d, period, null, settings)).as(d.code() + " " + period.code())
                            .isNotNull();
                }
            }
            assertThat(cells(period, null, true)).as(period.code()).isEqualTo(cells(period, null, false));
        }
    }

    @Test
    @Order(12)
    void everythingUndone() {
        changed("the test's facts removed", this::clean);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** Runs a statement, checks that the values changed and that the kept ones are the computed ones. */
    private void change(String what, String sql, Map<String, ?> params) {
        changed(what, () -> jdbc.sql(sql).params(params).update());
    }

    private void changed(String what, Runnable change) {
        Map<Period, Map<String, Map<String, String>>> before = new java.util.LinkedHashMap<>();
        for (Period period : periods()) {
            for (String network : NETWORKS) {
                // read (and keep) the values before the change
                before.computeIfAbsent(period, p -> new java.util.HashMap<>()).put(String.valueOf(network),
                        cells(period, network, true));
            }
        }
        change.run();
        boolean changed = false;
        for (Period period : periods()) {
            for (String network : NETWORKS) {
                changed |= !cells(period, network, false).equals(before.get(period).get(String.valueOf(network)));
            }
        }
        assertThat(changed).as(what + " changes some value").isTrue();
        assertSameAsTheFacts(what);
    }

    private void assertSameAsTheFacts(String after) {
        for (Period period : periods()) {
            for (String network : NETWORKS) {
                Map<String, String> keptCells = cells(period, network, true);
                Map<String, String> computed = cells(period, network, false);
                assertThat(computed).as("something to compare").isNotEmpty();
                assertThat(keptCells).as(after + ": " + period.code() + " " + network).isEqualTo(computed);
            }
        }
    }

    /** The things', stocks' and their ratios' cells, kept (as a read gives them) or computed from the facts. */
    private Map<String, String> cells(Period period, String network, boolean keptValues) {
        return transactions.execute(t -> {
            if (keptValues) {
                store.refresh(indicators.catalogue(), settings);
            }
            return engine.compute(thingDefinitions(), period, network, settings, keptValues).stream()
                    .collect(Collectors.toMap(
                            c -> c.indicator() + " " + c.network() + " " + c.dimension() + " " + c.key(),
                            c -> c.value() == null ? "none" : c.value().stripTrailingZeros().toPlainString(),
                            (x, y) -> x + "|" + y, TreeMap::new));
        });
    }

    /** The catalogue's things and stocks other than the contacts, and the ratios of two of them. */
    private List<IndicatorDefinition> thingDefinitions() {
        List<IndicatorDefinition> all = indicators.catalogue();
        List<String> things = all.stream().filter(ThingsCache::keeps).map(IndicatorDefinition::code).toList();
        assertThat(things).contains("P1-COOP-TIES", "P1-COOP-NEW", "P1-COOP-X", "P1-COOP-MEMBERS",
                "P1-COOP-DENSITY", "P1-COOP-BRIDGES", "P1-COOP-ISOLATES", "P1-MEETINGS", "P1-MEETING-ORGS",
                "P1-AGREEMENTS", "P1-REFERRALS");
        return all.stream().filter(d -> things.contains(d.code()) || (d.rule() == CountingRule.RATIO
                && things.containsAll(d.parameters()))).toList();
    }

    private List<Period> periods() {
        return List.of(Period.quarter(2025, 2), Period.quarter(2025, 3), Period.quarter(2025, 4), Period.year(2025),
                ptd());
    }

    private Period ptd() {
        return Period.projectToDate(settings.projectStart(), LocalDate.now());
    }

    private static int total(IndicatorResult result, String code) {
        return result.cells().stream().filter(c -> c.indicator().equals(code) && c.isTotal()
                && Objects.equals(c.network(), M)).findFirst().map(c -> c.value().intValue()).orElse(0);
    }

    private long organisation(String name, String kind) {
        return jdbc.sql("insert into partnership_organisation (name, kind) values (:n, :k) returning id")
                .param("n", TAG + name).param("k", kind).query(Long.class).single();
    }

    private void member(String network, long organisation, String since) {
        jdbc.sql("insert into partnership_membership (network_id, organisation_id, role, since)"
                + " select id, :o, 'PARTNER', cast(:s as date) from partnership_network where code = :n")
                .param("o", organisation).param("s", since).param("n", network).update();
    }

    private IndicatorFixtures data() {
        return new IndicatorFixtures(activities, registry, enrolments, jdbc);
    }
}
