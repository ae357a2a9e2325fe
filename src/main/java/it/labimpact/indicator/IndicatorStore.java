package it.labimpact.indicator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person indicators (and the contacts) kept current on write, so that reading a period's values reads
 * thousands of counts, not millions of presences.
 *
 * <p>The store holds, per participant record, its hits (the reviewed computations of {@link IndicatorEngine},
 * reduced to indicator, quarter, action and activity type), a copy of its breakdown attributes, and the counts of
 * every quarter, year and the project to date, for the project and each network, total and by breakdown.
 * {@link #refresh} takes the persons the owners' change feeds name, subtracts their old contribution from the
 * counts, recomputes their hits from the facts and adds the new contribution: a person counts once per cell, so
 * the counts stay exact. It runs before every read, in the reader's transaction, and in the background; one
 * refresh at a time (an advisory lock, taken only when there is something to do, so readers do not wait for each
 * other). When the computations or the project's start change, the store is rebuilt
 * from all the facts ({@link #rebuild}).
 *
 * <p>Ages are kept by birth year and grouped into the configured bands when read, so the bands and the reference
 * year of the project to date can change without a rebuild.
 */
@Component
class IndicatorStore {

    private static final Logger log = LoggerFactory.getLogger(IndicatorStore.class);

    /** Changes when the store's layout or the way it counts changes: the next refresh rebuilds it. */
    private static final String LAYOUT = "store-1";

    /** One refresh at a time, across the cluster. */
    private static final long LOCK = 0x1A81_4D1C_0001L;

    /** Beyond this many persons to bring up to date, the store is rebuilt instead. */
    static final int REBUILD_ABOVE = 50_000;

    /** Dates wide enough for every fact. */
    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    /** The record attributes kept for the breakdowns, as stored columns, with their dimension. */
    private static final Map<String, String> RECORD_DIMENSIONS = new LinkedHashMap<>();

    static {
        RECORD_DIMENSIONS.put("PROVINCE", "r.province_code");
        RECORD_DIMENSIONS.put("COMUNE", "r.comune_istat");
        RECORD_DIMENSIONS.put("SEX", "r.sex");
        RECORD_DIMENSIONS.put("BIRTH_YEAR", "r.birth_year::text");
        RECORD_DIMENSIONS.put("CITIZENSHIP", "r.citizenship");
        RECORD_DIMENSIONS.put("VULNERABILITY", "case when r.vulnerable then 'Y' else 'N' end");
    }

    private final JdbcClient jdbc;

    IndicatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the store counts this indicator: person indicators and contacts. */
    static boolean keeps(IndicatorDefinition d) {
        return d.rule() == CountingRule.PERSONS || d.computation().equals("CONTACTS");
    }

    /** Whether the store answers for this period: quarters, years, and the project to date up to today. */
    static boolean answers(Period period, LocalDate today) {
        return period.kind() != Period.Kind.PROJECT_TO_DATE || !period.to().isBefore(today);
    }

    /**
     * Brings the store up to date with the facts: rebuilds it when the computations changed, otherwise brings up to
     * date the persons the change feeds name. Call inside a transaction.
     *
     * @return the number of persons brought up to date, or -1 after a rebuild
     */
    int refresh(List<IndicatorDefinition> catalogue, IndicatorSettings settings) {
        List<IndicatorDefinition> kept = catalogue.stream().filter(IndicatorStore::keeps).toList();
        String fingerprint = fingerprint(kept, settings);
        // readers find nothing to do without waiting for each other; the lock only when there is work
        if (upToDate(fingerprint)) {
            return 0;
        }
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query().singleValue();
        String stored = jdbc.sql("select fingerprint from indicator_store_state where id = 1").query(String.class)
                .optional().orElse(null);
        if (!fingerprint.equals(stored)) {
            rebuild(kept, settings, fingerprint);
            return -1;
        }
        if (!pending()) {
            return 0; // done by another refresh meanwhile
        }
        jdbc.sql("set local work_mem = '256MB'").update();
        jdbc.sql("create temporary table ind_dirty (person_id uuid primary key) on commit drop").update();
        jdbc.sql("with ind_taken as (delete from participant_fact_change returning person_id)"
                + " insert into ind_dirty select person_id from ind_taken").update();
        // an activity's changed network, type or session dates concern everyone with a fact on it
        jdbc.sql("""
                with ind_taken as (delete from activity_fact_change returning activity_id),
                ind_records as (
                    select e.participant_id from participant_fact_enrolment e
                    join ind_taken t on t.activity_id = e.activity_id
                    union select o.participant_id from participant_fact_outcome o
                    join ind_taken t on t.activity_id = o.activity_id
                    union select s.participant_id from participant_fact_survey s
                    join ind_taken t on t.activity_id = s.activity_id
                    union select x.participant_id from participant_fact_assessment x
                    join ind_taken t on t.activity_id = x.activity_id)
                insert into ind_dirty select distinct p.person_id from ind_records r
                join participant_fact_person p on p.participant_id = r.participant_id
                on conflict do nothing""").update();
        int persons = jdbc.sql("select count(*) from ind_dirty").query(Integer.class).single();
        if (persons > REBUILD_ABOVE) {
            // so many that counting everything afresh is quicker than taking each one out and in again
            jdbc.sql("drop table ind_dirty").update();
            rebuild(kept, settings, fingerprint);
            return -1;
        }
        jdbc.sql("analyze ind_dirty").update();
        // the records of those persons, as counted before and as they are now
        temporary("ind_scope", "select participant_id from indicator_person_record"
                + " where person_id in (select person_id from ind_dirty)"
                + " union select participant_id from participant_fact_person"
                + " where person_id in (select person_id from ind_dirty)");
        jdbc.sql("create temporary table ind_delta (period text, code text, network text, dimension text, key text,"
                + " value bigint) on commit drop").update();
        contributions(-1, "ind_dirty", settings);
        jdbc.sql("delete from indicator_hit where participant_id in (select participant_id from ind_scope)").update();
        jdbc.sql("delete from indicator_person_record where participant_id in (select participant_id from ind_scope)")
                .update();
        insertRecords("ind_scope");
        insertHits(kept, "ind_scope");
        contributions(1, "ind_dirty", settings);
        jdbc.sql("""
                insert into indicator_cell as c (period, code, network, dimension, key, value)
                select period, code, network, dimension, key, sum(value) from ind_delta
                group by period, code, network, dimension, key having sum(value) <> 0
                on conflict (period, code, network, dimension, key) do update set value = c.value + excluded.value""")
                .update();
        jdbc.sql("""
                delete from indicator_cell c
                using (select distinct period, code, network, dimension, key from ind_delta) d
                where c.value = 0 and c.period = d.period and c.code = d.code and c.network = d.network
                and c.dimension = d.dimension and c.key = d.key""").update();
        for (String table : List.of("ind_delta", "ind_scope", "ind_dirty")) {
            jdbc.sql("drop table " + table).update();
        }
        jdbc.sql("update indicator_store_state set generation = generation + 1 where id = 1").update();
        return persons;
    }

    /**
     * The store's generation: raised, in the same transaction, by every refresh that changed its counts and by every
     * rebuild; -1 before the first build. Read it after {@link #refresh} in the reader's transaction.
     */
    long generation() {
        return jdbc.sql("select generation from indicator_store_state where id = 1").query(Long.class).optional()
                .orElse(-1L);
    }

    private boolean upToDate(String fingerprint) {
        return fingerprint.equals(jdbc.sql("select fingerprint from indicator_store_state where id = 1")
                .query(String.class).optional().orElse(null)) && !pending();
    }

    private boolean pending() {
        return jdbc.sql("select exists (select 1 from participant_fact_change)"
                + " or exists (select 1 from activity_fact_change)").query(Boolean.class).single();
    }

    /** Empties the store and fills it from all the facts. */
    private void rebuild(List<IndicatorDefinition> kept, IndicatorSettings settings, String fingerprint) {
        long started = System.nanoTime();
        jdbc.sql("set local work_mem = '256MB'").update();
        jdbc.sql("truncate indicator_hit, indicator_person_record, indicator_cell").update();
        // everything is counted afresh: what the feeds hold now is included
        jdbc.sql("delete from participant_fact_change").update();
        jdbc.sql("delete from activity_fact_change").update();
        insertRecords(null);
        insertHits(kept, null);
        jdbc.sql("analyze indicator_hit").update();
        jdbc.sql("analyze indicator_person_record").update();
        jdbc.sql("create temporary table ind_delta (period text, code text, network text, dimension text, key text,"
                + " value bigint) on commit drop").update();
        contributions(1, null, settings);
        jdbc.sql("""
                insert into indicator_cell (period, code, network, dimension, key, value)
                select period, code, network, dimension, key, sum(value) from ind_delta
                group by period, code, network, dimension, key having sum(value) <> 0""").update();
        jdbc.sql("drop table ind_delta").update();
        jdbc.sql("analyze indicator_cell").update();
        jdbc.sql("""
                insert into indicator_store_state (id, fingerprint, built_at, generation) values (1, :f, now(), 1)
                on conflict (id) do update set fingerprint = excluded.fingerprint, built_at = excluded.built_at,
                    generation = indicator_store_state.generation + 1""")
                .param("f", fingerprint).update();
        log.info("Indicator store rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Copies the breakdown attributes of the records in {@code scope} (all when {@code null}). */
    private void insertRecords(String scope) {
        jdbc.sql("insert into indicator_person_record (participant_id, person_id, network_code, province_code,"
                + " comune_istat, sex, birth_year, citizenship, vulnerable)"
                + " select p.participant_id, p.person_id, p.network_code, c.province_code, p.residence_istat, p.sex,"
                + " p.birth_year, p.citizenship, p.vulnerable from participant_fact_person p"
                + " left join territory_fact_comune c on c.istat_code = p.residence_istat"
                + (scope == null ? "" : " where p.participant_id in (select participant_id from " + scope + ")"))
                .update();
    }

    /**
     * Computes the hits of the records in {@code scope} (all when {@code null}) with the engine's reviewed
     * computations, over all dates, by quarter, and stores them.
     */
    private void insertHits(List<IndicatorDefinition> kept, String scope) {
        jdbc.sql("drop table if exists ind_presence").update();
        String presences = scope == null
                // all of them: presences grouped by enrolment first, then joined
                ? """
                  select e.participant_id, e.activity_id, a.network_code, a.action, a.counts_for, x.quarter, x.presences
                  from (select enrolment_id, date_trunc('quarter', session_date)::date as quarter, count(*) as presences
                        from participant_fact_presence group by 1, 2) x
                  join participant_fact_enrolment e on e.enrolment_id = x.enrolment_id
                  join activity_fact_activity a on a.activity_id = e.activity_id"""
                // a few records: their enrolments first, then their presences by index
                : """
                  select e.participant_id, e.activity_id, a.network_code, a.action, a.counts_for,
                         date_trunc('quarter', f.session_date)::date as quarter, count(*) as presences
                  from participant_fact_enrolment e
                  join participant_fact_presence f on f.enrolment_id = e.enrolment_id
                  join activity_fact_activity a on a.activity_id = e.activity_id
                  where e.participant_id in (select participant_id from SCOPE)
                  group by 1, 2, 3, 4, 5, 6""".replace("SCOPE", scope);
        jdbc.sql("create temporary table ind_presence on commit drop as " + presences).update();
        jdbc.sql("analyze ind_presence").update();
        List<IndicatorDefinition> persons = kept.stream().filter(d -> d.rule() == CountingRule.PERSONS).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("from", FIRST);
        params.put("to", LAST);
        StringJoiner parts = new StringJoiner("\nunion all\n");
        if (!persons.isEmpty()) {
            parts.add("select h.code, h.participant_id, h.quarter, coalesce(a.action, 'NA'),"
                    + " coalesce(a.type_code, 'NA'), null::text, null::bigint"
                    + " from (" + IndicatorEngine.hitsSql(persons, params, true, scope) + ") h"
                    + " left join activity_fact_activity a on a.activity_id = h.activity_id"
                    + " group by 1, 2, 3, 4, 5");
        }
        List<IndicatorDefinition> contacts = kept.stream().filter(d -> d.computation().equals("CONTACTS")).toList();
        for (int i = 0; i < contacts.size(); i++) {
            params.put("contacts" + i, contacts.get(i).code());
            params.put("counts" + i, contacts.get(i).parameters().isEmpty() ? List.of("")
                    : contacts.get(i).parameters());
            parts.add("select :contacts" + i + ", participant_id, quarter, 'NA', 'NA', network_code, sum(presences)"
                    + " from ind_presence where counts_for in (:counts" + i + ") group by 2, 3, 6");
        }
        if (parts.length() > 0) {
            jdbc.sql("insert into indicator_hit (code, participant_id, quarter, action, type_code, network_code,"
                    + " amount) " + parts).params(params).update();
        }
        jdbc.sql("drop table ind_presence").update();
    }

    /**
     * Adds to {@code ind_delta}, times {@code sign}, what the stored hits of the persons in {@code dirty} (all when
     * {@code null}) contribute to each count: per network a record counts once per cell; for the project a person
     * counts once, described by their first record (by id) among those that count; by action and activity type, a
     * person once per key; contacts add up their presences.
     */
    private void contributions(int sign, String dirty, IndicatorSettings settings) {
        Map<String, Object> params = Map.of("start", settings.projectStart(), "sign", sign);
        String persons = dirty == null ? "" : " and r.person_id in (select person_id from " + dirty + ")";
        // each hit counts in its quarter, its year and, from the project's start, in the project to date
        String periods = " cross join lateral (values (to_char(h.quarter, 'YYYY-\"Q\"Q')),"
                + " (to_char(h.quarter, 'YYYY')), (case when h.quarter >= :start then 'PTD' end)) per(period)";
        jdbc.sql("drop table if exists ind_hp").update();
        jdbc.sql("create temporary table ind_hp on commit drop as select h.code, per.period, r.participant_id,"
                + " r.person_id, r.network_code, h.action, h.type_code from indicator_hit h"
                + " join indicator_person_record r on r.participant_id = h.participant_id" + periods
                + " where h.amount is null and per.period is not null" + persons).params(params).update();
        jdbc.sql("analyze ind_hp").update();
        jdbc.sql("drop table if exists ind_rec").update();
        jdbc.sql("create temporary table ind_rec on commit drop as"
                + " select distinct code, period, participant_id, person_id, network_code from ind_hp").update();
        jdbc.sql("analyze ind_rec").update();
        StringBuilder sql = new StringBuilder("insert into ind_delta (period, code, network, dimension, key, value)\n");
        sql.append(recordLevel("x.network_code", "ind_rec x", "x.period, x.code, x.network_code"));
        sql.append("\nunion all\n").append(recordLevel("''", "(select distinct on (code, period, person_id) code,"
                + " period, participant_id from ind_rec order by code, period, person_id, participant_id) x",
                "x.period, x.code"));
        for (String key : List.of("action", "type_code")) {
            String dim = key.equals("action") ? "ACTION" : "ACTIVITY_TYPE";
            sql.append("\nunion all\nselect period, code, network_code, '").append(dim).append("', ").append(key)
                    .append(", :sign * count(*) from (select distinct period, code, network_code, participant_id, ")
                    .append(key).append(" from ind_hp) x group by period, code, network_code, ").append(key);
            sql.append("\nunion all\nselect period, code, '', '").append(dim).append("', ").append(key)
                    .append(", :sign * count(*) from (select distinct period, code, person_id, ").append(key)
                    .append(" from ind_hp) x group by period, code, ").append(key);
        }
        sql.append("\nunion all\nselect per.period, h.code,")
                .append(" case when grouping(h.network_code) = 0 then h.network_code else '' end, '', '',")
                .append(" :sign * sum(h.amount) from indicator_hit h")
                .append(" join indicator_person_record r on r.participant_id = h.participant_id").append(periods)
                .append(" where h.amount is not null and per.period is not null").append(persons)
                .append(" group by grouping sets ((per.period, h.code, h.network_code), (per.period, h.code))");
        jdbc.sql(sql.toString()).params(params).update();
        jdbc.sql("drop table ind_rec").update();
        jdbc.sql("drop table ind_hp").update();
    }

    /** Counts of records ({@code from} joined to their attributes) by total and by each record attribute. */
    private static String recordLevel(String network, String from, String by) {
        StringBuilder dim = new StringBuilder("case");
        StringBuilder key = new StringBuilder("case");
        StringJoiner sets = new StringJoiner(", ", "(", ")");
        sets.add("(" + by + ")");
        for (Map.Entry<String, String> e : RECORD_DIMENSIONS.entrySet()) {
            dim.append(" when grouping(").append(e.getValue()).append(") = 0 then '").append(e.getKey()).append('\'');
            key.append(" when grouping(").append(e.getValue()).append(") = 0 then coalesce(").append(e.getValue())
                    .append(", '").append(Dimension.NOT_APPLICABLE).append("')");
            sets.add("(" + by + ", " + e.getValue() + ")");
        }
        return "select x.period, x.code, " + network + ", coalesce(" + dim + " end, ''), coalesce(" + key
                + " end, ''), :sign * count(*) from " + from
                + " join indicator_person_record r on r.participant_id = x.participant_id group by grouping sets "
                + sets;
    }

    /**
     * The stored counts of some indicators for a period, for the project and every network or for one network,
     * with ages grouped into the configured bands of the period's reference year.
     */
    List<Cell> cells(List<IndicatorDefinition> definitions, Period period, String network, IndicatorSettings s) {
        List<String> codes = definitions.stream().filter(IndicatorStore::keeps).map(IndicatorDefinition::code)
                .toList();
        if (codes.isEmpty()) {
            return List.of();
        }
        String storedPeriod = switch (period.kind()) {
            case QUARTER, YEAR -> period.code();
            case PROJECT_TO_DATE -> "PTD";
        };
        int year = period.referenceYear();
        Map<List<Object>, long[]> bands = new LinkedHashMap<>();
        List<Cell> cells = new ArrayList<>();
        jdbc.sql("select code, network, dimension, key, value from indicator_cell where period = :period"
                        + " and code in (:codes)" + (network == null ? "" : " and network = :network"))
                .param("period", storedPeriod).param("codes", codes).param("network", network)
                .query(rs -> {
                    String code = rs.getString(1);
                    String net = rs.getString(2).isEmpty() ? null : rs.getString(2);
                    String dimension = rs.getString(3);
                    String key = rs.getString(4);
                    long value = rs.getLong(5);
                    if (dimension.equals("BIRTH_YEAR")) {
                        // a record without a birth year falls in the last band, as in the engine
                        String band = key.equals(Dimension.NOT_APPLICABLE) ? s.ageBand(Integer.MAX_VALUE)
                                : s.ageBand(year - Integer.parseInt(key));
                        bands.computeIfAbsent(java.util.Arrays.asList(code, net, band), k -> new long[1])[0] += value;
                    } else if (dimension.isEmpty()) {
                        cells.add(new Cell(code, net, null, null, BigDecimal.valueOf(value), false));
                    } else {
                        cells.add(new Cell(code, net, Dimension.valueOf(dimension), key, BigDecimal.valueOf(value),
                                false));
                    }
                });
        bands.forEach((k, v) -> cells.add(new Cell((String) k.get(0), (String) k.get(1), Dimension.AGE_BAND,
                (String) k.get(2), BigDecimal.valueOf(v[0]), false)));
        if (network == null) {
            // contacts, like every count of things, always have a project total
            definitions.stream().filter(d -> d.computation().equals("CONTACTS"))
                    .filter(d -> cells.stream().noneMatch(c -> c.indicator().equals(d.code()) && c.network() == null
                            && c.isTotal()))
                    .forEach(d -> cells.add(new Cell(d.code(), null, null, null, BigDecimal.ZERO, false)));
        }
        return cells;
    }

    /** The stored totals of some indicators for every quarter, for the project and every network or one network. */
    Map<String, List<Cell>> quarterTotals(List<IndicatorDefinition> definitions, String network) {
        List<String> codes = definitions.stream().filter(IndicatorStore::keeps).map(IndicatorDefinition::code)
                .toList();
        Map<String, List<Cell>> byQuarter = new HashMap<>();
        if (codes.isEmpty()) {
            return byQuarter;
        }
        jdbc.sql("select period, code, network, value from indicator_cell where period like '____-Q_'"
                        + " and dimension = '' and code in (:codes)"
                        + (network == null ? "" : " and network = :network"))
                .param("codes", codes).param("network", network)
                .query(rs -> {
                    String net = rs.getString(3).isEmpty() ? null : rs.getString(3);
                    byQuarter.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Cell(rs.getString(2),
                            net, null, null, BigDecimal.valueOf(rs.getLong(4)), false));
                });
        return byQuarter;
    }

    /** The stored column of each person breakdown for the drill-down ({@code h}: hit, {@code r}: record). */
    private static final Map<Dimension, String> DRILL_COLUMNS = Map.of(
            Dimension.ACTION, "h.action",
            Dimension.ACTIVITY_TYPE, "h.type_code",
            Dimension.PROVINCE, "coalesce(r.province_code, 'NA')",
            Dimension.COMUNE, "coalesce(r.comune_istat, 'NA')",
            Dimension.SEX, "coalesce(r.sex, 'NA')",
            Dimension.CITIZENSHIP, "coalesce(r.citizenship, 'NA')",
            Dimension.VULNERABILITY, "case when r.vulnerable then 'Y' else 'N' end");

    /**
     * The participant records behind a stored person count (a total, a network's, or a breakdown cell): those with a
     * hit of the indicator in the period's quarters matching the breakdown key, at most {@code limit}.
     */
    List<DrillRecord> records(IndicatorDefinition d, Period period, String network, Dimension dimension, String key,
            IndicatorSettings s, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("code", d.code());
        params.put("from", Period.quarterOf(period.from()).from());
        params.put("to", period.to());
        params.put("limit", limit);
        StringBuilder sql = new StringBuilder("select distinct r.participant_id::text, r.network_code"
                + " from indicator_hit h join indicator_person_record r on r.participant_id = h.participant_id"
                + " where h.code = :code and h.amount is null and h.quarter between :from and :to");
        if (network != null) {
            sql.append(" and r.network_code = :network");
            params.put("network", network);
        }
        if (dimension == Dimension.NETWORK && key != null) {
            sql.append(" and r.network_code = :key");
            params.put("key", key);
        } else if (dimension == Dimension.AGE_BAND && key != null) {
            // as the engine's bands: a record without a birth year falls in the last band
            boolean last = key.equals(s.ageBand(Integer.MAX_VALUE));
            sql.append(" and (r.birth_year in (:years)").append(last ? " or r.birth_year is null)" : ")");
            List<Integer> years = new ArrayList<>();
            for (int age = -10; age <= 130; age++) {
                if (s.ageBand(age).equals(key)) {
                    years.add(period.referenceYear() - age);
                }
            }
            params.put("years", years.isEmpty() ? List.of(Integer.MIN_VALUE) : years);
        } else if (dimension != null && key != null) {
            sql.append(" and ").append(DRILL_COLUMNS.get(dimension)).append(" = :key");
            params.put("key", key);
        }
        sql.append(" order by 2, 1 limit :limit");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new DrillRecord("participant", rs.getString(1), rs.getString(2))).list();
    }

    /** A temporary table dropped at commit at the latest, analysed. */
    private void temporary(String name, String select) {
        jdbc.sql("drop table if exists " + name).update();
        jdbc.sql("create temporary table " + name + " on commit drop as " + select).update();
        jdbc.sql("analyze " + name).update();
    }

    /** What the stored values depend on: the layout, the kept computations and the project's start. */
    private static String fingerprint(List<IndicatorDefinition> kept, IndicatorSettings settings) {
        StringBuilder text = new StringBuilder(LAYOUT).append('|').append(settings.projectStart());
        for (IndicatorDefinition d : kept) {
            text.append('|').append(d.code()).append(':').append(d.rule()).append(':').append(d.computation())
                    .append(':').append(d.parameters());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
