package it.labimpact.cooperation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cooperation graph of a network or of the project for a period, and its metrics, from the evidence of ties
 * ({@link TieEvidence}); pure computation, no database.
 *
 * <p>Rules: the network's evidence (all evidence for the project) counts when its days overlap the period; a tie is
 * a pair of organisations with such evidence, weighted by the evidence by source (a cross-network referral, one row
 * per network, counts once). A tie is new when its pair had no evidence, in any network, overlapping the baseline
 * quarter. Nodes are the members in the period plus every organisation of an active tie. Density: ties between two
 * members over the possible pairs of members. Cross-sector: a tie between two kinds of organisation. A bridge is tied
 * to at least two kinds other than its own, or across two networks (evidence in two networks, or a cross-network
 * referral). An isolate is a member with no active tie.
 */
public final class CooperationGraph {

    private final String network;
    private final Set<Long> members;
    private final Map<Long, String> kinds;
    private final Map<Pair, List<TieEvidence>> ties = new TreeMap<>();
    private final Set<Pair> baseline = new HashSet<>();

    /**
     * @param network the network, {@code null} for the project
     * @param members the member organisations in the period (of the network, or of any network)
     * @param kinds the kind of every organisation that may appear
     * @param evidence every piece of evidence (all networks: the baseline looks at them all)
     * @param from the period's first day
     * @param to the period's last day
     * @param baseFrom the baseline quarter's first day
     * @param baseTo the baseline quarter's last day
     */
    public CooperationGraph(String network, Collection<Long> members, Map<Long, String> kinds,
            Collection<TieEvidence> evidence, LocalDate from, LocalDate to, LocalDate baseFrom, LocalDate baseTo) {
        this.network = network;
        this.members = new TreeSet<>(members);
        this.kinds = kinds;
        for (TieEvidence e : evidence) {
            Pair pair = new Pair(e.organisationA(), e.organisationB());
            if (e.overlaps(baseFrom, baseTo)) {
                baseline.add(pair);
            }
            if ((network == null || network.equals(e.networkCode())) && e.overlaps(from, to)) {
                ties.computeIfAbsent(pair, p -> new ArrayList<>()).add(e);
            }
        }
    }

    /** The active ties, by organisation ids; names from {@code names} (the id when missing). */
    public List<CooperationTie> ties(Map<Long, String> names) {
        List<CooperationTie> result = new ArrayList<>();
        ties.forEach((pair, evidence) -> {
            Map<TieSource, Set<Long>> bySource = new EnumMap<>(TieSource.class);
            Set<Long> toB = new HashSet<>();
            Set<Long> toA = new HashSet<>();
            for (TieEvidence e : evidence) {
                bySource.computeIfAbsent(e.source(), s -> new HashSet<>()).add(e.evidenceId());
                if (e.source() == TieSource.REFERRAL) {
                    ("A_TO_B".equals(e.direction()) ? toB : toA).add(e.evidenceId());
                }
            }
            Map<TieSource, Integer> weights = new EnumMap<>(TieSource.class);
            bySource.forEach((s, ids) -> weights.put(s, ids.size()));
            int weight = weights.values().stream().mapToInt(Integer::intValue).sum();
            result.add(new CooperationTie(pair.a(), name(names, pair.a()), pair.b(), name(names, pair.b()), weights,
                    weight, crossSector(pair), toB.size(), toA.size()));
        });
        return result;
    }

    /** The nodes: members and organisations of active ties, by id. */
    public List<CooperationNode> nodes(Map<Long, String> names) {
        Map<Long, Set<Long>> partners = partners();
        Set<Long> ids = new TreeSet<>(members);
        ids.addAll(partners.keySet());
        List<CooperationNode> nodes = new ArrayList<>();
        for (Long id : ids) {
            int degree = partners.getOrDefault(id, Set.of()).size();
            nodes.add(new CooperationNode(id, name(names, id), kinds.get(id), members.contains(id), degree,
                    bridge(id, partners), members.contains(id) && degree == 0));
        }
        return nodes;
    }

    /** The metrics. */
    public CooperationFigures figures() {
        Map<Long, Set<Long>> partners = partners();
        int active = ties.size();
        int fresh = (int) ties.keySet().stream().filter(p -> !baseline.contains(p)).count();
        int amongMembers = (int) ties.keySet().stream()
                .filter(p -> members.contains(p.a()) && members.contains(p.b())).count();
        int cross = (int) ties.keySet().stream().filter(this::crossSector).count();
        Set<Long> nodes = new HashSet<>(members);
        nodes.addAll(partners.keySet());
        int bridges = (int) nodes.stream().filter(id -> bridge(id, partners)).count();
        int isolates = (int) members.stream().filter(id -> !partners.containsKey(id)).count();
        long n = members.size();
        BigDecimal density = n < 2 ? null : percent(amongMembers, n * (n - 1) / 2);
        BigDecimal share = active == 0 ? null : percent(cross, active);
        return new CooperationFigures(network, members.size(), active, fresh, amongMembers, density, cross, share,
                bridges, isolates, null);
    }

    private Map<Long, Set<Long>> partners() {
        Map<Long, Set<Long>> partners = new HashMap<>();
        for (Pair p : ties.keySet()) {
            partners.computeIfAbsent(p.a(), x -> new HashSet<>()).add(p.b());
            partners.computeIfAbsent(p.b(), x -> new HashSet<>()).add(p.a());
        }
        return partners;
    }

    private boolean bridge(long id, Map<Long, Set<Long>> partners) {
        Set<Long> tied = partners.getOrDefault(id, Set.of());
        if (tied.isEmpty()) {
            return false;
        }
        String own = kinds.get(id);
        long otherKinds = tied.stream().map(kinds::get).filter(k -> k != null && !k.equals(own)).distinct().count();
        if (otherKinds >= 2) {
            return true;
        }
        Set<String> networks = new HashSet<>();
        for (Long other : tied) {
            for (TieEvidence e : ties.get(new Pair(Math.min(id, other), Math.max(id, other)))) {
                if (e.crossNetwork()) {
                    return true;
                }
                if (e.networkCode() != null) {
                    networks.add(e.networkCode());
                }
            }
        }
        return networks.size() >= 2;
    }

    private boolean crossSector(Pair p) {
        String a = kinds.get(p.a());
        String b = kinds.get(p.b());
        return a != null && b != null && !a.equals(b);
    }

    private static String name(Map<Long, String> names, long id) {
        return Objects.requireNonNullElse(names.get(id), "#" + id);
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Two organisations, smaller id first. */
    private record Pair(long a, long b) implements Comparable<Pair> {
        @Override
        public int compareTo(Pair o) {
            return a != o.a ? Long.compare(a, o.a) : Long.compare(b, o.b);
        }
    }
}
