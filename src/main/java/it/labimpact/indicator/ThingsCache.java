package it.labimpact.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The values of the indicators that count things rather than persons — activities, organisations, ties, the
 * cooperation graph's figures, meetings, agreements, referrals, operators trained, comuni and population — kept per
 * indicator, period and network while the facts they are computed from stay the same, so that a read computes them
 * only after a change.
 *
 * <p>The owners of those facts (activity, partnership, territory, cooperation) note every write to the tables
 * behind their fact views in a change feed ({@code <module>_fact_write}, statement-level triggers, in the writer's
 * transaction). {@link #generation} takes the feeds in the reader's transaction and, when it found something, moves
 * the generation on to a new value of a sequence (never reused, so a generation raised by a transaction that rolled
 * back is never confused with a later one). A value is kept under the generation read <em>before</em> it was
 * computed: what it was computed from is at least as recent as that generation, and any later write leaves a row in
 * a feed that the next reader turns into a new generation. So a kept value is used only while exactly the same facts
 * stand, and a change is visible at the next read.
 *
 * <p>Not kept: the contacts (they read the participants' presences; the {@link IndicatorStore} keeps them) and the
 * person indicators (the store). The records behind a number (drill-down) are always read from the facts.
 */
@Component
class ThingsCache {

    /** At most this many values (one per indicator, period and network) are kept; beyond, the cache is emptied. */
    static final int MAX_ENTRIES = 20_000;

    /** The owners' write feeds of the facts things are counted from. */
    private static final List<String> FEEDS = List.of("activity_fact_write", "partnership_fact_write",
            "territory_fact_write", "cooperation_fact_write");

    private record Key(long generation, IndicatorDefinition definition, Period period, String network,
            LocalDate projectStart) {
    }

    private final JdbcClient jdbc;
    private final Map<Key, List<Cell>> entries = new ConcurrentHashMap<>();
    private final Map<List<Object>, Object> computing = new ConcurrentHashMap<>();
    private volatile long latest = Long.MIN_VALUE;

    ThingsCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the values of this indicator can be kept: things and stocks, except the contacts. */
    static boolean keeps(IndicatorDefinition d) {
        return (d.rule() == CountingRule.THINGS || d.rule() == CountingRule.STOCK)
                && !d.computation().equals("CONTACTS");
    }

    /**
     * The generation of the things' facts, in the caller's transaction: takes the owners' write feeds first and, if
     * they held anything, moves the generation on. Call it before computing what is to be kept under it.
     */
    long generation() {
        StringBuilder check = new StringBuilder("select generation");
        for (String feed : FEEDS) {
            check.append(", exists (select 1 from ").append(feed).append(")");
        }
        check.append(" from indicator_things_state where id = 1");
        Object[] state = jdbc.sql(check.toString()).query((rs, n) -> {
            boolean written = false;
            for (int i = 0; i < FEEDS.size(); i++) {
                written |= rs.getBoolean(i + 2);
            }
            return new Object[] {rs.getLong(1), written};
        }).single();
        if (!(Boolean) state[1]) {
            return (Long) state[0];
        }
        // moved on only when this transaction took something: rows another reader is taking are waited for and then
        // skipped, and that reader's generation is the one to read
        StringBuilder take = new StringBuilder("with ");
        StringBuilder taken = new StringBuilder();
        for (int i = 0; i < FEEDS.size(); i++) {
            take.append(i == 0 ? "" : ", ").append("ind_taken_").append((char) ('a' + i))
                    .append(" as (delete from ").append(FEEDS.get(i)).append(" returning 1)");
            taken.append(i == 0 ? "" : " or ").append("exists (select 1 from ind_taken_").append((char) ('a' + i))
                    .append(")");
        }
        take.append(" update indicator_things_state set generation = nextval('indicator_things_generation')")
                .append(" where id = 1 and (").append(taken).append(") returning generation");
        return jdbc.sql(take.toString()).query(Long.class).optional().orElseGet(() -> jdbc.sql(
                "select generation from indicator_things_state where id = 1").query(Long.class).single());
    }

    /**
     * The lock under which the values of one generation, period and network are computed: a reader and the
     * refresher asking for the same values at the same time compute them once, the second takes what the first
     * kept. Only computations from the facts run under it (reads of the owners' views, temporary tables), which
     * wait for no row lock, so no transaction holding the lock waits for one waiting for it.
     */
    Object lock(long generation, Period period, String network) {
        return computing.computeIfAbsent(java.util.Arrays.asList(generation, period, network), k -> new Object());
    }

    /** The kept value of an indicator for a period and network (null: the project and every network), or null. */
    List<Cell> get(long generation, IndicatorDefinition d, Period period, String network, IndicatorSettings s) {
        return entries.get(new Key(generation, d, period, network, s.projectStart()));
    }

    /** Keeps a value computed after {@link #generation} returned {@code generation}. */
    void put(long generation, IndicatorDefinition d, Period period, String network, IndicatorSettings s,
            List<Cell> cells) {
        if (generation != latest) {
            // values of other generations will not be asked for again (a generation only moves on)
            entries.keySet().removeIf(k -> k.generation() != generation);
            computing.keySet().removeIf(k -> !k.get(0).equals(generation));
            latest = generation;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
            computing.clear();
        }
        entries.put(new Key(generation, d, period, network, s.projectStart()), List.copyOf(cells));
    }

    /** Forgets every kept value (tests). */
    void clear() {
        entries.clear();
    }
}
