package it.labimpact.cooperation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.cooperation.AgreementData;
import it.labimpact.cooperation.AgreementKind;
import it.labimpact.cooperation.Agreements;
import it.labimpact.cooperation.CooperationFigures;
import it.labimpact.cooperation.CooperationGraphView;
import it.labimpact.cooperation.CooperationMetrics;
import it.labimpact.cooperation.CooperationTie;
import it.labimpact.cooperation.CooperationTrendPoint;
import it.labimpact.cooperation.MeetingAttendanceUpdate;
import it.labimpact.cooperation.MeetingData;
import it.labimpact.cooperation.MeetingMode;
import it.labimpact.cooperation.MeetingRegistry;
import it.labimpact.cooperation.MeetingStatus;
import it.labimpact.cooperation.TieSource;
import it.labimpact.indicator.Approvals;
import it.labimpact.indicator.Cell;
import it.labimpact.indicator.IndicatorResult;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.indicator.Snapshots;
import it.labimpact.shared.PeriodLockedException;
import it.labimpact.shared.RecordNotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cooperation metrics on the real database, from data recorded through the facades: the hand-worked figures,
 * the catalogue's indicators giving the same numbers (period, network, project), the scope, and the locked quarter
 * (changes refused, the approved snapshot unchanged by later changes).
 *
 * <p>Data (network milano; the seeded organisations and their kinds):
 * <pre>
 *   meeting of the milano table, 10 May 2024: Comune di Milano (local authority), ANCI Lombardia (association of
 *     municipalities), Fondazione ISMU (research) present       → Milano–ANCI, Milano–ISMU, ANCI–ISMU (cross-sector)
 *   agreement of milano, 15 Jan – 30 Apr 2024: Comune di Milano, Comune di Siziano (both local authorities)
 *                                                               → Milano–Siziano (same kind; also in the baseline)
 *   project-wide agreement from 1 Jun 2024, open: Regione Lombardia (region), ANCI → Regione–ANCI (project only)
 * </pre>
 * Baseline: 2024-Q1 (the project's first quarter).
 */
@SpringBootTest
class CooperationMetricsTest {

    static final List<String> CODES = List.of("P1-COOP-TIES", "P1-COOP-NEW", "P1-COOP-X", "P1-MEETINGS",
            "P1-MEETING-ORGS", "P1-AGREEMENTS", "P1-COOP-MEMBERS", "P1-COOP-DENSITY", "P1-COOP-X-SHARE",
            "P1-COOP-BRIDGES", "P1-COOP-ISOLATES");

    @Autowired CooperationMetrics metrics;
    @Autowired MeetingRegistry meetings;
    @Autowired Agreements agreements;
    @Autowired Indicators indicators;
    @Autowired Approvals approvals;
    @Autowired Snapshots snapshots;
    @Autowired JdbcClient jdbc;

    long milano;
    long siziano;
    long anci;
    long ismu;
    long regione;
    long milanoTable;
    long steering;
    /** The figures before this test's data: other tests' evidence may remain, so the checks are on differences. */
    CooperationFigures networkQ1;
    CooperationFigures networkQ2;
    CooperationFigures projectQ2;
    CooperationFigures networkQ3;
    CooperationFigures projectQ3;

    @BeforeEach
    void data() {
        clean();
        TestActors.run(TestActors.coordinator(), () -> {
            networkQ1 = metrics.figures(Period.quarter(2024, 1), "milano");
            networkQ2 = metrics.figures(Period.quarter(2024, 2), "milano");
            projectQ2 = metrics.figures(Period.quarter(2024, 2), null);
            networkQ3 = metrics.figures(Period.quarter(2024, 3), "milano");
            projectQ3 = metrics.figures(Period.quarter(2024, 3), null);
        });
        milano = organisation("Comune di Milano");
        siziano = organisation("Comune di Siziano");
        anci = organisation("ANCI Lombardia");
        ismu = organisation("Fondazione ISMU");
        regione = organisation("Regione Lombardia");
        milanoTable = jdbc.sql("select id from cooperation_governance_body where kind = 'NETWORK_TABLE'"
                + " and network_code = 'milano'").query(Long.class).single();
        steering = jdbc.sql("select id from cooperation_governance_body where kind = 'STEERING_GROUP'")
                .query(Long.class).single();
        TestActors.actAs(TestActors.coordinator());
        held(milanoTable, LocalDate.of(2024, 5, 10), List.of(milano, anci, ismu));
        agreements.create(agreement("milano", List.of(milano, siziano), "2024-01-15", "2024-04-30"));
        agreements.create(agreement(null, List.of(regione, anci), "2024-06-01", null));
    }

    @AfterEach
    void clean() {
        TestActors.clear();
        jdbc.sql("delete from cooperation_meeting where not demo").update();
        jdbc.sql("delete from cooperation_agreement").update();
        jdbc.sql("delete from indicator_submission_step").update();
        jdbc.sql("delete from indicator_submission").update();
        jdbc.sql("delete from indicator_snapshot").update();
    }

    @Test
    void handWorkedFiguresOfANetworkAndTheProject() {
        Period q2 = Period.quarter(2024, 2);
        CooperationFigures network = metrics.figures(q2, "milano");
        // the three meeting ties and Milano–Siziano; Regione–ANCI is project-wide
        assertThat(network.activeTies() - networkQ2.activeTies()).isEqualTo(4);
        // Milano–Siziano was tied in the baseline quarter (the agreement started on 15 Jan)
        assertThat(network.newTies() - networkQ2.newTies()).isEqualTo(3);
        // Milano–Siziano are both local authorities
        assertThat(network.crossSectorTies() - networkQ2.crossSectorTies()).isEqualTo(3);
        if (networkQ2.activeTies() == 0) {
            assertThat(network.crossSectorShare()).isEqualByComparingTo("75.0");
        }

        CooperationFigures project = metrics.figures(q2, null);
        // plus Regione–ANCI (from 1 Jun), new and cross-sector: 5 ties, 4 new, 4 cross-sector
        assertThat(project.activeTies() - projectQ2.activeTies()).isEqualTo(5);
        assertThat(project.newTies() - projectQ2.newTies()).isEqualTo(4);
        assertThat(project.crossSectorTies() - projectQ2.crossSectorTies()).isEqualTo(4);

        // in Q3 the agreement of milano has ended and the meeting was in Q2: nothing added in milano
        assertThat(metrics.figures(Period.quarter(2024, 3), "milano").activeTies())
                .isEqualTo(networkQ3.activeTies());
        assertThat(metrics.figures(Period.quarter(2024, 3), null).activeTies() - projectQ3.activeTies())
                .isEqualTo(1);

        CooperationGraphView graph = metrics.graph(q2, "milano");
        CooperationTie milanoAnci = graph.ties().stream()
                .filter(t -> t.organisationA() == Math.min(milano, anci) && t.organisationB() == Math.max(milano, anci))
                .findFirst().orElseThrow();
        assertThat(milanoAnci.weights()).isEqualTo(Map.of(TieSource.MEETING, 1));
        assertThat(graph.nodes()).anySatisfy(n -> {
            assertThat(n.organisationId()).isEqualTo(milano);
            assertThat(n.name()).isEqualTo("Comune di Milano");
            assertThat(n.ties()).isEqualTo(3);
            // tied to an association of municipalities, a research body and another local authority
            assertThat(n.bridge()).isTrue();
        });

        List<CooperationTrendPoint> trend = metrics.trend("milano");
        assertThat(trend.get(0).quarter()).isEqualTo("2024-Q1");
        assertThat(trend.get(0).activeTies() - networkQ1.activeTies()).isEqualTo(1);
        assertThat(trend.get(0).newTies()).isZero();
        assertThat(trend.get(1).activeTies() - networkQ2.activeTies()).isEqualTo(4);
        assertThat(trend.get(1).newTies() - networkQ2.newTies()).isEqualTo(3);
    }

    @Test
    void theCataloguesIndicatorsGiveTheSameNumbers() {
        assertThat(indicators.settings().firstQuarter()).isEqualTo(metrics.baseline());
        for (String code : List.of("2024-Q1", "2024-Q2", "2024-Q3", "2024", "PTD")) {
            Period period = indicators.period(code);
            for (String network : Arrays.asList("milano", null)) {
                CooperationFigures f = metrics.figures(period, network);
                IndicatorResult values = indicators.compute(period, network, CODES);
                String where = code + " " + network;
                assertThat(value(values, "P1-COOP-TIES", network)).as(where).isEqualTo(f.activeTies());
                assertThat(value(values, "P1-COOP-NEW", network)).as(where).isEqualTo(f.newTies());
                assertThat(value(values, "P1-COOP-X", network)).as(where).isEqualTo(f.crossSectorTies());
                assertThat(value(values, "P1-COOP-MEMBERS", network)).as(where).isEqualTo(f.members());
                assertThat(value(values, "P1-COOP-BRIDGES", network)).as(where).isEqualTo(f.bridges());
                assertThat(value(values, "P1-COOP-ISOLATES", network)).as(where).isEqualTo(f.isolates());
                assertThat(decimal(values, "P1-COOP-DENSITY", network)).as(where).isEqualTo(f.density());
                assertThat(decimal(values, "P1-COOP-X-SHARE", network)).as(where).isEqualTo(f.crossSectorShare());
            }
        }
        IndicatorResult q2 = indicators.compute(Period.quarter(2024, 2), null, CODES);
        // the meeting of 10 May, with three organisations present
        assertThat(value(q2, "P1-MEETINGS", "milano")).isEqualTo(1);
        assertThat(value(q2, "P1-MEETING-ORGS", "milano")).isEqualTo(3);
        // milano's agreement (to 30 Apr) and the project's (from 1 Jun) both run in Q2; the network row has one
        assertThat(value(q2, "P1-AGREEMENTS", null)).isEqualTo(2);
        assertThat(value(q2, "P1-AGREEMENTS", "milano")).isEqualTo(1);
    }

    @Test
    void networkStaffReadTheirNetworkAndTheProjectOnly() {
        TestActors.actAs(TestActors.operator("milano"));
        Period q2 = Period.quarter(2024, 2);
        assertThat(metrics.figures(q2, "milano").activeTies() - networkQ2.activeTies()).isEqualTo(4);
        assertThat(metrics.figures(q2, null).activeTies() - projectQ2.activeTies()).isEqualTo(5);
        assertThatThrownBy(() -> metrics.figures(q2, "cremasca")).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> metrics.graph(q2, "nowhere")).isInstanceOf(RecordNotFoundException.class);
        assertThat(metrics.scorecard(q2)).extracting(r -> r.network()).containsExactly(null, "milano");
    }

    @Test
    void anApprovedQuarterIsLockedAndItsSnapshotKeepsTheApprovedTies() {
        Period q4 = Period.quarter(2025, 4);
        long approvedMeeting = held(milanoTable, LocalDate.of(2025, 11, 10), List.of(milano, anci));
        long later = meetings.create(meeting(milanoTable, LocalDate.of(2025, 11, 20), List.of(milano, ismu)));
        int approvedTies = metrics.figures(q4, "milano").activeTies();
        assertThat(approvedTies).isEqualTo(1);

        TestActors.actAs(TestActors.lead("milano"));
        int version = approvals.submit("milano", q4.code(), null, null).version();
        TestActors.actAs(TestActors.coordinator());
        approvals.approve("milano", q4.code(), version);

        // attendance, the day of a held meeting and an agreement dated in the locked quarter are refused
        assertThatThrownBy(() -> meetings.saveAttendance(later, new MeetingAttendanceUpdate(0, List.of(
                new MeetingAttendanceUpdate.Entry(milano, true, 1), new MeetingAttendanceUpdate.Entry(ismu, true, 1)))))
                .isInstanceOf(PeriodLockedException.class);
        MeetingData moved = new MeetingData(milanoTable, LocalDate.of(2026, 1, 12), LocalTime.of(10, 0),
                LocalTime.of(12, 0), MeetingMode.IN_PERSON, "Sala", null, "Ordine del giorno", null,
                MeetingStatus.HELD, List.of(milano, anci), 1);
        assertThatThrownBy(() -> meetings.update(approvedMeeting, moved)).isInstanceOf(PeriodLockedException.class);
        assertThatThrownBy(() -> agreements.create(agreement("milano", List.of(milano, ismu), "2025-10-01", null)))
                .isInstanceOf(PeriodLockedException.class);
        // an agreement that starts after the locked quarter, and project-wide facts, are not locked
        agreements.create(agreement("milano", List.of(milano, regione), "2026-01-01", null));
        held(steering, LocalDate.of(2025, 11, 15), List.of(milano, siziano));

        // the project's ties changed in Q4 (Milano–Siziano at the steering group); milano's did not
        assertThat(metrics.figures(q4, null).activeTies()).isGreaterThan(approvedTies);
        assertThat(metrics.figures(q4, "milano").activeTies()).isEqualTo(approvedTies);
        IndicatorResult snapshot = snapshots.latest(q4, "milano").orElseThrow();
        assertThat(value(snapshot, "P1-COOP-TIES", "milano")).isEqualTo(approvedTies);
    }

    @Test
    void anApprovedQuartersFiguresAreTheApprovedOnesUntilItIsReopened() {
        Period q4 = Period.quarter(2025, 4);
        held(milanoTable, LocalDate.of(2025, 11, 10), List.of(milano, anci));
        long later = agreements.create(agreement("milano", List.of(milano, regione), "2026-01-01", null));
        CooperationFigures before = metrics.figures(q4, "milano");
        assertThat(before.approvedAt()).isNull();

        TestActors.actAs(TestActors.lead("milano"));
        int version = approvals.submit("milano", q4.code(), null, null).version();
        TestActors.actAs(TestActors.coordinator());
        int approved = approvals.approve("milano", q4.code(), version).version();

        // a change no lock covers (as a membership or an organisation's kind would be): the agreement moved into
        // the approved quarter behind the platform's back adds Milano–Regione to the evidence of 2025-Q4
        jdbc.sql("update cooperation_agreement set valid_from = date '2025-10-01' where id = :id").param("id", later)
                .update();
        // the graph draws the evidence as it stands (one more tie) but gives the approved figures
        CooperationGraphView drawn = metrics.graph(q4, "milano");
        assertThat(drawn.ties()).hasSize(before.activeTies() + 1);
        assertThat(drawn.figures().approvedAt()).isNotNull();
        assertThat(drawn.figures().activeTies()).isEqualTo(before.activeTies());

        // the figures, the scorecard and the trend keep the approved values and say when they were approved
        CooperationFigures frozen = metrics.figures(q4, "milano");
        assertThat(frozen.approvedAt()).isNotNull();
        assertThat(frozen.activeTies()).isEqualTo(before.activeTies());
        assertThat(frozen.newTies()).isEqualTo(before.newTies());
        assertThat(frozen.crossSectorTies()).isEqualTo(before.crossSectorTies());
        assertThat(plain(frozen.crossSectorShare())).isEqualTo(plain(before.crossSectorShare()));
        assertThat(frozen.members()).isEqualTo(before.members());
        assertThat(plain(frozen.density())).isEqualTo(plain(before.density()));
        assertThat(frozen.bridges()).isEqualTo(before.bridges());
        assertThat(frozen.isolates()).isEqualTo(before.isolates());
        assertThat(metrics.scorecard(q4)).filteredOn(r -> "milano".equals(r.network())).singleElement()
                .satisfies(r -> {
                    assertThat(r.figures().approvedAt()).isNotNull();
                    assertThat(r.figures().activeTies()).isEqualTo(before.activeTies());
                });
        assertThat(metrics.trend("milano")).filteredOn(p -> p.quarter().equals(q4.code())).singleElement()
                .satisfies(p -> assertThat(p.activeTies()).isEqualTo(before.activeTies()));
        // the project's values are approved only once every network's are: still live
        assertThat(metrics.figures(q4, null).approvedAt()).isNull();

        approvals.reopen("milano", q4.code(), approved, "Accordo da correggere");
        CooperationFigures live = metrics.figures(q4, "milano");
        assertThat(live.approvedAt()).isNull();
        assertThat(live.activeTies()).isEqualTo(before.activeTies() + 1);
    }

    @Test
    void projectWideMeetingsAndAgreementsLockOnceTheProjectsQuarterIsApproved() {
        Period q4 = Period.quarter(2025, 4);
        long steeringMeeting = meetings.create(meeting(steering, LocalDate.of(2025, 11, 15), List.of(regione, anci)));
        long projectAgreement = agreements.create(agreement(null, List.of(regione, ismu), "2026-01-01", null));
        // before: a project-wide meeting's attendance in 2025-Q4 is accepted, with only some networks approved
        List<String> networks = jdbc.sql("select code from partnership_network order by code").query(String.class)
                .list();
        Map<String, Integer> approved = new java.util.LinkedHashMap<>();
        for (String network : networks.subList(1, networks.size())) {
            approved.put(network, approve(network, q4));
        }
        meetings.saveAttendance(steeringMeeting, new MeetingAttendanceUpdate(0, List.of(
                new MeetingAttendanceUpdate.Entry(regione, true, 1), new MeetingAttendanceUpdate.Entry(anci, true, 1))));

        // the last network approved: the project's values are approved, project-wide facts of 2025-Q4 locked
        approved.put(networks.get(0), approve(networks.get(0), q4));
        assertThat(snapshots.approved(q4, null)).isPresent();
        int meetingVersion = meetings.meeting(steeringMeeting).version();
        assertThatThrownBy(() -> meetings.saveAttendance(steeringMeeting, new MeetingAttendanceUpdate(meetingVersion,
                List.of(new MeetingAttendanceUpdate.Entry(regione, true, 3),
                        new MeetingAttendanceUpdate.Entry(anci, false, 0)))))
                .isInstanceOfSatisfying(PeriodLockedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("period.locked.project"));
        AgreementData earlier = new AgreementData(AgreementKind.PROTOCOL, "Protocollo d'intesa", null,
                List.of(regione, ismu), LocalDate.of(2024, 1, 10), LocalDate.of(2025, 10, 1), null, null, 0);
        assertThatThrownBy(() -> agreements.update(projectAgreement, earlier))
                .isInstanceOfSatisfying(PeriodLockedException.class, e -> {
                    assertThat(e.field()).isEqualTo("validFrom");
                    assertThat(e.messageKey()).isEqualTo("period.locked.project");
                });
        assertThat(metrics.figures(q4, null).approvedAt()).isNotNull();

        // one network reopened: the project's values are no longer approved, the changes are accepted
        String first = networks.get(0);
        approvals.reopen(first, q4.code(), approved.get(first), "Dati da correggere");
        meetings.saveAttendance(steeringMeeting, new MeetingAttendanceUpdate(meetingVersion, List.of(
                new MeetingAttendanceUpdate.Entry(regione, true, 3), new MeetingAttendanceUpdate.Entry(anci, false, 0))));
        agreements.update(projectAgreement, earlier);
        assertThat(metrics.figures(q4, null).approvedAt()).isNull();
    }

    /** Submits and approves a network's quarter; returns the approved submission's version. */
    private int approve(String network, Period quarter) {
        TestActors.actAs(TestActors.lead(network));
        int version = approvals.submit(network, quarter.code(), null, null).version();
        TestActors.actAs(TestActors.coordinator());
        return approvals.approve(network, quarter.code(), version).version();
    }

    private long held(long body, LocalDate day, List<Long> present) {
        long id = meetings.create(meeting(body, day, present));
        meetings.saveAttendance(id, new MeetingAttendanceUpdate(0, present.stream()
                .map(o -> new MeetingAttendanceUpdate.Entry(o, true, 1)).toList()));
        return id;
    }

    private static MeetingData meeting(long body, LocalDate day, List<Long> invited) {
        return new MeetingData(body, day, LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingMode.IN_PERSON, "Sala",
                null, "Ordine del giorno", null, MeetingStatus.PLANNED, invited, null);
    }

    private static AgreementData agreement(String network, List<Long> parties, String from, String to) {
        return new AgreementData(AgreementKind.PROTOCOL, "Protocollo d'intesa", network, parties,
                LocalDate.of(2024, 1, 10), LocalDate.parse(from), to == null ? null : LocalDate.parse(to), null, null);
    }

    private long organisation(String name) {
        return jdbc.sql("select id from partnership_organisation where name = :n").param("n", name)
                .query(Long.class).single();
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private static BigDecimal decimal(IndicatorResult result, String code, String network) {
        return result.cells().stream()
                .filter(c -> c.indicator().equals(code) && c.isTotal() && java.util.Objects.equals(c.network(), network))
                .map(Cell::value).findFirst().orElse(null);
    }

    private static int value(IndicatorResult result, String code, String network) {
        return result.cells().stream()
                .filter(c -> c.indicator().equals(code) && c.isTotal() && java.util.Objects.equals(c.network(), network))
                .map(Cell::value).findFirst().orElse(BigDecimal.ZERO).intValue();
    }
}
