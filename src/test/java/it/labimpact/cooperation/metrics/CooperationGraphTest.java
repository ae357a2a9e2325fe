package it.labimpact.cooperation.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.cooperation.CooperationFigures;
import it.labimpact.cooperation.CooperationGraph;
import it.labimpact.cooperation.CooperationNode;
import it.labimpact.cooperation.CooperationTie;
import it.labimpact.cooperation.TieEvidence;
import it.labimpact.cooperation.TieSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The metrics on a small hand-drawn graph. Organisations (kind; networks):
 * <pre>
 *   1 LOCAL_AUTHORITY (N1)   2 THIRD_SECTOR (N1)   3 JOB_CENTRE (N1)   4 THIRD_SECTOR (N1)
 *   5 CPIA (N2)              6 THIRD_SECTOR (N1)   7 SCHOOL (N2)
 * </pre>
 * Evidence (baseline = 2024-Q1, 1 Jan – 31 Mar 2024):
 * <pre>
 *   1–2 CO_DELIVERY  N1  10 Jan – 31 May 2024   (activity 100: in the baseline too)
 *   1–2 AGREEMENT    N1   1 Apr 2024 – open     (agreement 300)
 *   3–4 AGREEMENT    N1   1 Jun 2023 – 31 Mar 2024 (agreement 301: ended before Q2, in the baseline)
 *   1–3, 2–3 MEETING N1  15 Apr 2024            (meeting 200: 1, 2 and 3 present)
 *   2–6 MEETING      N1  10 Jun 2024            (meeting 201)
 *   2→5 REFERRAL     N1 and N2 (cross-network), sent 2 May 2024, still open (referral 400: one row per network)
 *   1–3 CO_DELIVERY  N2   1 Apr – 30 Jun 2024   (activity 101)
 * </pre>
 */
class CooperationGraphTest {

    static final LocalDate BASE_FROM = LocalDate.of(2024, 1, 1);
    static final LocalDate BASE_TO = LocalDate.of(2024, 3, 31);
    static final LocalDate Q2_FROM = LocalDate.of(2024, 4, 1);
    static final LocalDate Q2_TO = LocalDate.of(2024, 6, 30);
    static final LocalDate Q3_FROM = LocalDate.of(2024, 7, 1);
    static final LocalDate Q3_TO = LocalDate.of(2024, 9, 30);

    static final Map<Long, String> KINDS = Map.of(1L, "LOCAL_AUTHORITY", 2L, "THIRD_SECTOR", 3L, "JOB_CENTRE",
            4L, "THIRD_SECTOR", 5L, "CPIA", 6L, "THIRD_SECTOR", 7L, "SCHOOL");
    static final Set<Long> N1 = Set.of(1L, 2L, 3L, 4L, 6L);
    static final Set<Long> PROJECT = Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L);

    static final List<TieEvidence> EVIDENCE = List.of(
            tie(1, 2, TieSource.CO_DELIVERY, "N1", false, "2024-01-10", "2024-05-31", 100, null),
            tie(1, 2, TieSource.AGREEMENT, "N1", false, "2024-04-01", null, 300, null),
            tie(3, 4, TieSource.AGREEMENT, "N1", false, "2023-06-01", "2024-03-31", 301, null),
            tie(1, 3, TieSource.MEETING, "N1", false, "2024-04-15", "2024-04-15", 200, null),
            tie(2, 3, TieSource.MEETING, "N1", false, "2024-04-15", "2024-04-15", 200, null),
            tie(2, 6, TieSource.MEETING, "N1", false, "2024-06-10", "2024-06-10", 201, null),
            tie(2, 5, TieSource.REFERRAL, "N1", true, "2024-05-02", "2024-05-02", 400, "A_TO_B"),
            tie(2, 5, TieSource.REFERRAL, "N2", true, "2024-05-02", "2024-05-02", 400, "A_TO_B"),
            tie(1, 3, TieSource.CO_DELIVERY, "N2", false, "2024-04-01", "2024-06-30", 101, null));

    @Test
    void networkInAQuarter() {
        CooperationFigures f = graph("N1", N1, Q2_FROM, Q2_TO).figures();
        // N1's evidence overlapping Q2: 1–2 (co-delivery and agreement), 1–3, 2–3, 2–6 (meetings), 2–5 (referral);
        // 3–4 ended on 31 Mar (before the period) and 1–3's co-delivery is N2's evidence
        assertThat(f.activeTies()).isEqualTo(5);
        // in the baseline: 1–2 and 3–4; so 1–3, 2–3, 2–5 and 2–6 are new
        assertThat(f.newTies()).isEqualTo(4);
        // five members (1, 2, 3, 4, 6): 10 possible pairs; 1–2, 1–3, 2–3, 2–6 are between members (5 is not one):
        // 4 / 10 = 40.0 %
        assertThat(f.members()).isEqualTo(5);
        assertThat(f.tiesAmongMembers()).isEqualTo(4);
        assertThat(f.density()).isEqualByComparingTo("40.0");
        // different kinds: 1–2 (authority, third sector), 1–3, 2–3, 2–5; 2–6 are both third sector: 4 / 5 = 80.0 %
        assertThat(f.crossSectorTies()).isEqualTo(4);
        assertThat(f.crossSectorShare()).isEqualByComparingTo("80.0");
        // 1 tied to third sector and job centre, 2 to authority, job centre and CPIA, 3 to authority and third
        // sector: bridges by kinds; 5 tied to one kind only but by a referral between networks; 6 only to its own kind
        assertThat(f.bridges()).isEqualTo(4);
        // 4's only tie (the agreement with 3) ended before the period
        assertThat(f.isolates()).isEqualTo(1);
    }

    @Test
    void weightsCountEachPieceOfEvidenceOnceBySource() {
        List<CooperationTie> ties = graph("N1", N1, Q2_FROM, Q2_TO).ties(Map.of(1L, "Comune"));
        CooperationTie oneTwo = find(ties, 1, 2);
        assertThat(oneTwo.weights()).containsExactlyInAnyOrderEntriesOf(
                Map.of(TieSource.CO_DELIVERY, 1, TieSource.AGREEMENT, 1));
        assertThat(oneTwo.weight()).isEqualTo(2);
        assertThat(oneTwo.nameA()).isEqualTo("Comune");
        assertThat(oneTwo.nameB()).isEqualTo("#2");
        // the cross-network referral has a row in each network: in the project it is still one piece of evidence
        CooperationTie referral = find(graph(null, PROJECT, Q2_FROM, Q2_TO).ties(Map.of()), 2, 5);
        assertThat(referral.weights()).containsExactlyEntriesOf(Map.of(TieSource.REFERRAL, 1));
        assertThat(referral.referralsAToB()).isEqualTo(1);
        assertThat(referral.referralsBToA()).isZero();
        // for the project, 1–3 has a meeting (N1) and a co-delivery (N2)
        assertThat(find(graph(null, PROJECT, Q2_FROM, Q2_TO).ties(Map.of()), 1, 3).weight()).isEqualTo(2);
    }

    @Test
    void projectCountsEveryNetworksEvidenceOnce() {
        CooperationFigures f = graph(null, PROJECT, Q2_FROM, Q2_TO).figures();
        // the same five pairs as N1 (N2's evidence adds only 1–3 and 2–5, already there)
        assertThat(f.activeTies()).isEqualTo(5);
        assertThat(f.newTies()).isEqualTo(4);
        // seven members: 21 pairs; all five ties are between members (5 is N2's): 5 / 21 = 23.8 %
        assertThat(f.members()).isEqualTo(7);
        assertThat(f.density()).isEqualByComparingTo("23.8");
        assertThat(f.crossSectorShare()).isEqualByComparingTo("80.0");
        assertThat(f.bridges()).isEqualTo(4);
        // 4 and 7 have no tie in Q2
        assertThat(f.isolates()).isEqualTo(2);
    }

    @Test
    void tiesThatEndStopCounting() {
        CooperationFigures f = graph("N1", N1, Q3_FROM, Q3_TO).figures();
        // in Q3 only the open-ended agreement 1–2 runs: the co-delivery ended on 31 May, meetings and the referral
        // were dated in Q2
        assertThat(f.activeTies()).isEqualTo(1);
        // 1–2 was tied in the baseline
        assertThat(f.newTies()).isZero();
        // 1 / 10 pairs of members
        assertThat(f.density()).isEqualByComparingTo("10.0");
        assertThat(f.crossSectorShare()).isEqualByComparingTo("100.0");
        // 1 and 2 are tied to one other kind each, in one network
        assertThat(f.bridges()).isZero();
        // 3, 4 and 6 have no tie
        assertThat(f.isolates()).isEqualTo(3);
    }

    @Test
    void theBaselineHasNoNewTies() {
        CooperationFigures f = graph("N1", N1, BASE_FROM, BASE_TO).figures();
        // 1–2 (co-delivery from 10 Jan) and 3–4 (agreement to 31 Mar)
        assertThat(f.activeTies()).isEqualTo(2);
        assertThat(f.newTies()).isZero();
        // 6 has no tie yet; 1, 2, 3, 4 have one each
        assertThat(f.isolates()).isEqualTo(1);
    }

    @Test
    void nodesAreMembersAndTiedOrganisations() {
        List<CooperationNode> nodes = graph("N1", N1, Q2_FROM, Q2_TO).nodes(Map.of());
        // the five members and 5 (tied by the referral, not a member of N1)
        assertThat(nodes).extracting(CooperationNode::organisationId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        CooperationNode five = nodes.get(4);
        assertThat(five.member()).isFalse();
        assertThat(five.bridge()).isTrue();
        assertThat(five.kind()).isEqualTo("CPIA");
        CooperationNode two = nodes.get(1);
        // 1, 3, 5 and 6
        assertThat(two.ties()).isEqualTo(4);
        assertThat(nodes.get(3).isolate()).isTrue();
        assertThat(nodes.get(5).bridge()).isFalse();
    }

    @Test
    void noMembersAndNoTiesGiveNoRatios() {
        CooperationFigures f = graph("N3", Set.of(1L), Q2_FROM, Q2_TO).figures();
        assertThat(f.activeTies()).isZero();
        assertThat(f.density()).isNull();
        assertThat(f.crossSectorShare()).isNull();
        assertThat(f.isolates()).isEqualTo(1);
    }

    static CooperationGraph graph(String network, Set<Long> members, LocalDate from, LocalDate to) {
        return new CooperationGraph(network, members, KINDS, EVIDENCE, from, to, BASE_FROM, BASE_TO);
    }

    static CooperationTie find(List<CooperationTie> ties, long a, long b) {
        return ties.stream().filter(t -> t.organisationA() == a && t.organisationB() == b).findFirst().orElseThrow();
    }

    static TieEvidence tie(long a, long b, TieSource source, String network, boolean cross, String from, String to,
            long id, String direction) {
        return new TieEvidence(a, b, source, network, cross, LocalDate.parse(from), to == null ? null
                : LocalDate.parse(to), id, direction);
    }
}
