package it.labimpact.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reviewed SQL computations the catalogue's indicators are bound to ({@code indicator_definition.computation}).
 * Reads only the facts the owning modules publish as {@code *_fact_*} views.
 *
 * <p>Persons: each computation contributes "hits" (indicator, participant record, activity or none) for the
 * period; one grouped query then counts unique persons ({@code person_id}, the same person across networks) for
 * the project, per network, and per breakdown. Attendance, the largest table, is read once per computation: the
 * presences of the period are reduced to enrolments first ({@code ind_presence}, a temporary table dropped at
 * commit).
 *
 * <p>Things and stocks: one grouped query per computation. Ratios: from their two components, in Java.
 */
@Component
class IndicatorEngine {

    /** Largest number of records a drill-down returns. */
    static final int MAX_RECORDS = 10_000;

    /** The column of each person breakdown in the drill-down query ({@code p}: person, {@code a}: activity, ...). */
    private static final Map<Dimension, String> PERSON_COLUMNS = Map.of(
            Dimension.ACTION, "coalesce(a.action, 'NA')",
            Dimension.ACTIVITY_TYPE, "coalesce(a.type_code, 'NA')",
            Dimension.PROVINCE, "c.province_code",
            Dimension.COMUNE, "p.residence_istat",
            Dimension.SEX, "p.sex",
            Dimension.AGE_BAND, "age_band",
            Dimension.CITIZENSHIP, "p.citizenship",
            Dimension.VULNERABILITY, "case when p.vulnerable then 'Y' else 'N' end");

    private final JdbcClient jdbc;
    private final IndicatorStore store;
    private final ThingsCache kept;

    IndicatorEngine(JdbcClient jdbc, IndicatorStore store, ThingsCache kept) {
        this.jdbc = jdbc;
        this.store = store;
        this.kept = kept;
    }

    /**
     * The cells of every given indicator for a period, for the project and every network, or for one network:
     * when {@code stored}, person indicators and contacts from the {@link IndicatorStore} (bring it up to date
     * first) and the things as kept by the {@link ThingsCache} while their facts are unchanged (computed from the
     * facts and kept otherwise); when not, everything computed from the facts.
     */
    List<Cell> compute(List<IndicatorDefinition> definitions, Period period, String network, IndicatorSettings s,
            boolean stored) {
        jdbc.sql("set local work_mem = '256MB'").update();
        List<Cell> cells = new ArrayList<>();
        if (stored) {
            cells.addAll(store.cells(definitions, period, network, s));
        }
        List<IndicatorDefinition> persons = definitions.stream()
                .filter(d -> d.rule() == CountingRule.PERSONS && !stored).toList();
        boolean needsPresence = !stored && needsPresence(definitions);
        if (needsPresence) {
            preparePresence(period, network, false);
        }
        if (!persons.isEmpty()) {
            cells.addAll(persons(persons, period, network, s));
        }
        cells.addAll(things(definitions.stream().filter(d -> (d.rule() == CountingRule.THINGS
                || d.rule() == CountingRule.STOCK) && !(stored && IndicatorStore.keeps(d))).toList(), period, network,
                s, stored ? kept.generation() : null));
        for (IndicatorDefinition d : definitions) {
            if (d.rule() == CountingRule.RATIO) {
                cells.addAll(ratio(d, cells));
            }
        }
        if (needsPresence) {
            jdbc.sql("drop table if exists ind_presence").update();
        }
        return cells.stream().filter(c -> allowed(c, definitions)).toList();
    }

    /** The records behind one number. */
    List<DrillRecord> records(IndicatorDefinition d, Period period, String network, Dimension dimension, String key,
            IndicatorSettings s) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", period.from());
        params.put("to", period.to());
        params.put("limit", MAX_RECORDS);
        if (d.rule() == CountingRule.PERSONS) {
            if (d.computation().startsWith("PRESENCE")) {
                preparePresence(period, network, false);
            }
            String hits = hitsSql(List.of(d), params, false);
            StringBuilder sql = new StringBuilder("select distinct p.participant_id::text as id, p.network_code from (")
                    .append(hits).append(") h join participant_fact_person p on p.participant_id = h.participant_id")
                    .append(" left join activity_fact_activity a on a.activity_id = h.activity_id")
                    .append(" left join territory_fact_comune c on c.istat_code = p.residence_istat")
                    .append(" cross join lateral (select ").append(ageBandSql(s, period)).append(" as age_band) ab")
                    .append(" where true");
            if (network != null) {
                sql.append(" and p.network_code = :network");
                params.put("network", network);
            }
            if (dimension == Dimension.NETWORK && key != null) {
                sql.append(" and p.network_code = :key");
                params.put("key", key);
            } else if (dimension != null && key != null) {
                sql.append(" and ").append(PERSON_COLUMNS.get(dimension)).append(" = :key");
                params.put("key", key);
            }
            sql.append(" order by 2, 1 limit :limit");
            return jdbc.sql(sql.toString()).params(params)
                    .query((rs, n) -> new DrillRecord("participant", rs.getString(1), rs.getString(2))).list();
        }
        if (d.rule() == CountingRule.RATIO || d.computation().equals("COOP_DENSITY")) {
            return List.of();
        }
        preparePartners(List.of(d), period);
        if (COOP_GRAPH.contains(d.computation())) {
            String scope = dimension == Dimension.NETWORK && key != null ? key : network;
            return dimension != null && dimension != Dimension.NETWORK ? List.of()
                    : coopGraphRecords(d, params, scope);
        }
        ThingQuery q = thingQuery(d, params, s);
        String keyColumn = dimension == null || dimension == Dimension.NETWORK ? null : q.columns().get(dimension);
        StringBuilder sql = new StringBuilder("select distinct ").append(q.recordId()).append(" as id, ")
                .append(q.networkColumn()).append(" as network from ").append(q.from());
        if (network != null) {
            sql.append(" and ").append(q.networkColumn()).append(" = :network");
            params.put("network", network);
        }
        if (dimension == Dimension.NETWORK && key != null) {
            sql.append(" and ").append(q.networkColumn()).append(" = :key");
            params.put("key", key);
        } else if (keyColumn != null && key != null) {
            sql.append(" and ").append(keyColumn).append(" = :key");
            params.put("key", key);
        } else if (dimension != null) {
            return List.of();
        }
        sql.append(" order by 2, 1 limit :limit");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new DrillRecord(q.recordKind(), rs.getString(1), rs.getString(2))).list();
    }

    /**
     * The totals of the given indicators quarter by quarter over {@code range} (whole quarters), for the project
     * and every network, or for one network: person indicators and contacts from the {@link IndicatorStore} when
     * {@code stored}, otherwise from the facts, attendance read once for the whole range.
     */
    Map<Period, List<Cell>> trend(List<IndicatorDefinition> definitions, Period range, String network,
            boolean stored, IndicatorSettings s) {
        jdbc.sql("set local work_mem = '256MB'").update();
        Map<Period, List<Cell>> byQuarter = new LinkedHashMap<>();
        for (Period q = Period.quarterOf(range.from()); !q.from().isAfter(range.to());
                q = Period.quarterOf(q.to().plusDays(1))) {
            byQuarter.put(q, new ArrayList<>());
        }
        if (stored) {
            store.quarterTotals(definitions, network).forEach((quarter, cells) -> {
                List<Cell> list = byQuarter.get(Period.parse(quarter, range.from(), range.to()));
                if (list != null) {
                    list.addAll(cells);
                }
            });
        }
        boolean needsPresence = !stored && needsPresence(definitions);
        if (needsPresence) {
            preparePresence(range, network, true);
        }
        List<IndicatorDefinition> persons = definitions.stream()
                .filter(d -> d.rule() == CountingRule.PERSONS && !stored).toList();
        if (!persons.isEmpty()) {
            Map<String, Object> params = new HashMap<>();
            params.put("from", range.from());
            params.put("to", range.to());
            String hits = hitsSql(persons, params, true);
            if (network != null) {
                params.put("network", network);
            }
            String sql = "with ind_hits as materialized (select distinct h.code, h.quarter, p.network_code, p.person_id"
                    + " from (" + hits + ") h join participant_fact_person p on p.participant_id = h.participant_id"
                    + (network == null ? "" : " where p.network_code = :network") + ")"
                    + " select code, quarter, network_code, count(*) from ind_hits group by code, quarter, network_code"
                    + (network == null ? " union all select code, quarter, null, count(*) from"
                    + " (select distinct code, quarter, person_id from ind_hits) x group by code, quarter" : "");
            jdbc.sql(sql).params(params).query((rs, n) -> {
                List<Cell> cells = byQuarter.get(Period.quarterOf(rs.getObject(2, LocalDate.class)));
                if (cells != null) {
                    cells.add(new Cell(rs.getString(1), rs.getString(3), null, null, BigDecimal.valueOf(rs.getLong(4)),
                            false));
                }
                return null;
            }).list();
        }
        Long generation = stored ? kept.generation() : null;
        List<IndicatorDefinition> things = definitions.stream().filter(d -> (d.rule() == CountingRule.THINGS
                || d.rule() == CountingRule.STOCK) && !(stored && IndicatorStore.keeps(d))).toList();
        for (Map.Entry<Period, List<Cell>> q : byQuarter.entrySet()) {
            Period clipped = new Period(Period.Kind.QUARTER, q.getKey().code(),
                    q.getKey().from().isBefore(range.from()) ? range.from() : q.getKey().from(),
                    q.getKey().to().isAfter(range.to()) ? range.to() : q.getKey().to());
            things(things, clipped, network, s, generation).stream().filter(Cell::isTotal).forEach(q.getValue()::add);
            for (IndicatorDefinition d : definitions) {
                if (d.rule() == CountingRule.RATIO) {
                    q.getValue().addAll(ratio(d, q.getValue()));
                }
            }
            q.getValue().removeIf(c -> !allowed(c, definitions));
        }
        if (needsPresence) {
            jdbc.sql("drop table if exists ind_presence").update();
        }
        return byQuarter;
    }

    /** Whether some of the indicators read the period's presences ({@code ind_presence}). */
    private static boolean needsPresence(List<IndicatorDefinition> definitions) {
        return definitions.stream().anyMatch(d -> d.computation().startsWith("PRESENCE")
                || d.computation().equals("CONTACTS"));
    }

    // --- persons ---

    /**
     * The enrolments with at least one presence in the period, with the number of presences: the one read of the
     * attendance table.
     */
    private void preparePresence(Period period, String network, boolean byQuarter) {
        jdbc.sql("drop table if exists ind_presence").update();
        jdbc.sql("""
                create temporary table ind_presence on commit drop as
                select e.participant_id, e.activity_id, a.network_code, a.action, a.counts_for, x.quarter, x.presences
                from (select enrolment_id, QUARTER as quarter, count(*) as presences
                      from participant_fact_presence
                      where session_date between :from and :to group by 1, 2) x
                join participant_fact_enrolment e on e.enrolment_id = x.enrolment_id
                join activity_fact_activity a on a.activity_id = e.activity_id
                where cast(:network as text) is null or a.network_code = :network"""
                        .replace("QUARTER", quarterOf("session_date", byQuarter)))
                .param("from", period.from()).param("to", period.to()).param("network", network).update();
        jdbc.sql("analyze ind_presence").update();
    }

    /**
     * Unique persons for the project and per network, total and by breakdown. Grouped by hashing, never by
     * {@code count(distinct)} over grouping sets: within a network a person has one record, so persons are counted
     * as records; for the project each person is described by one record (the first by id among those that count),
     * so the project's breakdown cells add up to its total; breakdowns by activity count distinct (person, key).
     */
    private List<Cell> persons(List<IndicatorDefinition> definitions, Period period, String network,
            IndicatorSettings s) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", period.from());
        params.put("to", period.to());
        String hits = hitsSql(definitions, params, false);
        if (network != null) {
            params.put("network", network);
        }
        // temporary tables, analysed, rather than CTEs: the planner then knows their sizes (hash joins, not loops)
        temporary("ind_hits", hits, params);
        temporary("ind_recp", "select r.code, p.participant_id, p.person_id, p.network_code,"
                + " c.province_code as k_province, p.residence_istat as k_comune, p.sex as k_sex, "
                + ageBandSql(s, period) + " as k_age_band, p.citizenship as k_citizenship,"
                + " case when p.vulnerable then 'Y' else 'N' end as k_vulnerability,"
                + " d.person_id is not null as shared"
                + " from (select distinct code, participant_id from ind_hits) r"
                + " join participant_fact_person p on p.participant_id = r.participant_id"
                + " left join territory_fact_comune c on c.istat_code = p.residence_istat"
                // persons with records in more than one network: for the project, described by one of them
                + " left join (select person_id from participant_fact_person group by person_id having count(*) > 1) d"
                + " on d.person_id = p.person_id"
                + (network == null ? "" : " where p.network_code = :network"), params);
        temporary("ind_acts", "select distinct h.code, r.person_id, r.network_code,"
                + " coalesce(a.action, 'NA') as k_action, coalesce(a.type_code, 'NA') as k_activity_type"
                + " from ind_hits h join ind_recp r on r.code = h.code and r.participant_id = h.participant_id"
                + " left join activity_fact_activity a on a.activity_id = h.activity_id", params);
        StringBuilder sql = new StringBuilder(recordLevel("network_code", "ind_recp", "code, network_code"));
        if (network == null) {
            sql.append("\nunion all\n").append(recordLevel("null::text", "((select * from ind_recp where not shared)"
                    + " union all (select distinct on (code, person_id) * from ind_recp where shared"
                    + " order by code, person_id, participant_id)) x", "code"));
        }
        for (String key : List.of("k_action", "k_activity_type")) {
            String dim = key.substring(2).toUpperCase();
            sql.append("\nunion all\nselect code, network_code, '").append(dim).append("', ").append(key)
                    .append(", count(*) from (select distinct code, person_id, network_code, ").append(key)
                    .append(" from ind_acts) x group by code, network_code, ").append(key);
            if (network == null) {
                sql.append("\nunion all\nselect code, null::text, '").append(dim).append("', ").append(key)
                        .append(", count(*) from (select distinct code, person_id, ").append(key)
                        .append(" from ind_acts) x group by code, ").append(key);
            }
        }
        List<Cell> cells = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            String dimension = rs.getString(3);
            String key = rs.getString(4);
            return new Cell(rs.getString(1), rs.getString(2), dimension == null ? null : Dimension.valueOf(dimension),
                    dimension == null ? null : key == null ? Dimension.NOT_APPLICABLE : key,
                    BigDecimal.valueOf(rs.getLong(5)), false);
        }).list();
        for (String table : List.of("ind_acts", "ind_recp", "ind_hits")) {
            jdbc.sql("drop table " + table).update();
        }
        return cells;
    }

    /** A temporary table dropped at commit at the latest, analysed so the planner knows its size. */
    private void temporary(String name, String select, Map<String, Object> params) {
        jdbc.sql("drop table if exists " + name).update();
        jdbc.sql("create temporary table " + name + " on commit drop as " + select).params(params).update();
        jdbc.sql("analyze " + name).update();
    }

    /** The breakdowns by the record's attributes, counting rows, grouped by {@code by} (code, and network or not). */
    private static String recordLevel(String networkColumn, String from, String by) {
        List<String> keys = List.of("k_province", "k_comune", "k_sex", "k_age_band", "k_citizenship",
                "k_vulnerability");
        StringBuilder dim = new StringBuilder("case");
        StringBuilder key = new StringBuilder("case");
        StringJoiner sets = new StringJoiner(", ", "(", ")");
        sets.add("(" + by + ")");
        for (String k : keys) {
            dim.append(" when grouping(").append(k).append(") = 0 then '").append(k.substring(2).toUpperCase())
                    .append('\'');
            key.append(" when grouping(").append(k).append(") = 0 then ").append(k);
            sets.add("(" + by + ", " + k + ")");
        }
        return "select code, " + networkColumn + ", " + dim + " end, " + key + " end, count(*) from " + from
                + " group by grouping sets " + sets;
    }

    /**
     * The hits of person indicators: rows (code, participant_id, activity_id, quarter) for the facts that make a
     * person count in the period, as one {@code union all} (rows may repeat; every consumer counts distinct).
     * Each computation is one reviewed SQL shape; parameters come from the catalogue. The presences of the period
     * ({@code ind_presence}) are read once for all presence-based indicators, joined to a small list of (indicator,
     * activity kind or action) pairs.
     */
    private static String hitsSql(List<IndicatorDefinition> definitions, Map<String, Object> params,
            boolean byQuarter) {
        return hitsSql(definitions, params, byQuarter, null);
    }

    /**
     * {@link #hitsSql(List, Map, boolean)} for the participant records listed in the temporary table
     * {@code scope} only (column {@code participant_id}; the presences are already limited to them), or for all
     * when {@code scope} is {@code null}.
     */
    static String hitsSql(List<IndicatorDefinition> definitions, Map<String, Object> params, boolean byQuarter,
            String scope) {
        StringJoiner branches = new StringJoiner("\nunion all\n");
        StringJoiner byKind = new StringJoiner(", ");
        StringJoiner byAction = new StringJoiner(", ");
        for (int i = 0; i < definitions.size(); i++) {
            IndicatorDefinition d = definitions.get(i);
            String code = ":code" + i;
            String p = ":p" + i;
            params.put("code" + i, d.code());
            params.put("p" + i, d.parameters().isEmpty() ? List.of("") : d.parameters());
            for (int j = 0; j < d.parameters().size(); j++) {
                params.put("v" + i + "_" + j, d.parameters().get(j));
                String pair = "(" + code + ", :v" + i + "_" + j + ")";
                switch (d.computation()) {
                    // present at a session, in the period, of an activity counting for one of the parameters
                    case "PRESENCE", "PRESENCE_OR_OUTCOME" -> byKind.add(pair);
                    // present at a session, in the period, of an activity of one of the actions
                    case "PRESENCE_IN_ACTIONS" -> byAction.add(pair);
                    default -> { }
                }
            }
            String branch = switch (d.computation()) {
                case "PRESENCE", "PRESENCE_IN_ACTIONS" -> null;
                // ... or an outcome of the same name dated in the period
                case "PRESENCE_OR_OUTCOME", "OUTCOME" -> "select " + code + ", participant_id, activity_id, "
                        + quarterOf("occurred_on", byQuarter) + " from participant_fact_outcome"
                        + " where type in (" + p + ") and occurred_on between :from and :to"
                        + within("participant_id", scope);
                // an exit assessment dated in the period at least one level above the record's first entry on or
                // before it (same kind); LEVEL_ASSESSED: the same pairs whatever the levels
                case "LEVEL_GAIN", "LEVEL_ASSESSED" -> "select " + code + ", x.participant_id, x.activity_id, "
                        + quarterOf("x.assessed_on", byQuarter)
                        + " from participant_fact_assessment x cross join lateral (select e.level_rank"
                        + " from participant_fact_assessment e where e.participant_id = x.participant_id"
                        + " and e.kind = x.kind and e.phase = 'ENTRY' and e.assessed_on <= x.assessed_on"
                        + " order by e.assessed_on, e.level_rank limit 1) entry"
                        + " where x.kind in (" + p + ") and x.phase = 'EXIT' and x.assessed_on between :from and :to"
                        + (d.computation().equals("LEVEL_GAIN") ? " and x.level_rank >= entry.level_rank + 1" : "")
                        + within("x.participant_id", scope);
                // a survey answered in the period with one of the answers
                case "SURVEY_HELPFUL" -> "select " + code + ", participant_id, activity_id, "
                        + quarterOf("answered_on", byQuarter) + " from participant_fact_survey"
                        + " where helpful in (" + p + ") and answered_on between :from and :to"
                        + within("participant_id", scope);
                // an enrolment completed, ending in the period, in an activity counting for one of the parameters
                case "COMPLETED" -> "select " + code + ", e.participant_id, e.activity_id, "
                        + quarterOf("e.ended_on", byQuarter) + " from participant_fact_enrolment e"
                        + " join activity_fact_activity a on a.activity_id = e.activity_id"
                        + " where e.status = 'COMPLETED' and e.ended_on between :from and :to"
                        + " and a.counts_for in (" + p + ")" + within("e.participant_id", scope);
                default -> throw new IllegalStateException("Unknown person computation " + d.computation()
                        + " of indicator " + d.code());
            };
            if (branch != null) {
                branches.add(branch);
            }
        }
        if (byKind.length() > 0) {
            branches.add("select m.code, x.participant_id, x.activity_id, x.quarter from ind_presence x"
                    + " join (values " + byKind + ") as m(code, counts_for) on m.counts_for = x.counts_for");
        }
        if (byAction.length() > 0) {
            branches.add("select m.code, x.participant_id, x.activity_id, x.quarter from ind_presence x"
                    + " join (values " + byAction + ") as m(code, action) on m.action = x.action");
        }
        return "select code, participant_id, activity_id, quarter from (" + branches + ") as ind_hit(code,"
                + " participant_id, activity_id, quarter)";
    }

    /** A condition limiting a hit branch to the records of a scope table, or nothing without one. */
    private static String within(String column, String scope) {
        return scope == null ? "" : " and " + column + " in (select participant_id from " + scope + ")";
    }

    /** The first day of the quarter of a date column when trending by quarter, otherwise no value. */
    private static String quarterOf(String column, boolean byQuarter) {
        return byQuarter ? "date_trunc('quarter', " + column + ")::date" : "null::date";
    }

    /** The age band of {@code p.birth_year} in the period's last year, as the settings define the bands. */
    private static String ageBandSql(IndicatorSettings s, Period period) {
        StringBuilder sql = new StringBuilder("case");
        int lower = 0;
        int year = period.referenceYear();
        for (int bound : s.ageBands()) {
            sql.append(" when ").append(year).append(" - p.birth_year < ").append(bound).append(" then '")
                    .append(lower).append('-').append(bound - 1).append('\'');
            lower = bound;
        }
        return sql.append(" else '").append(lower).append("+' end").toString();
    }

    // --- things and stocks ---

    /**
     * A thing computation: the rows it counts ({@code from}, always ending in a {@code where} clause that more
     * conditions can follow with {@code and}), what identifies one thing,
     * its network, and the columns of its breakdowns.
     */
    private record ThingQuery(String from, String countExpression, String recordKind, String recordId,
            String networkColumn, Map<Dimension, String> columns) {
    }

    /** Activities not cancelled running (even partly) in the period, with their comune. */
    private static final String ACTIVITIES = "activity_fact_activity a"
            + " join territory_fact_comune c on c.istat_code = a.comune_istat"
            + " where a.status <> 'CANCELLED' and a.start_date <= :to and a.end_date >= :from";

    /** The computations reading the co-delivering organisations of the period's activities ({@code ind_partners}). */
    private static final Set<String> PARTNER_COMPUTATIONS = Set.of("AUTHORITIES_SUPPORTED", "ORGANISATIONS_INVOLVED",
            "TIES", "TIES_CROSS_SECTOR");

    /** The computations reading the evidence of the period's cooperation ties ({@code ind_ties}). */
    private static final Set<String> TIE_COMPUTATIONS = Set.of("COOP_TIES", "COOP_TIES_NEW",
            "COOP_TIES_CROSS_SECTOR", "COOP_BRIDGES", "COOP_ISOLATES", "COOP_DENSITY");

    /** The evidence of cooperation ties whose days overlap the period, read once ({@code ind_ties}). */
    private static final String TIE_EVIDENCE = "ind_ties t where true";

    /** The organisations co-delivering those activities. */
    private static final String PARTNERS = "ind_partners a where true";

    /** Pairs of organisations co-delivering one of those activities (each pair once, smaller id first). */
    private static final String PAIRS = "ind_partners x join ind_partners y on y.activity_id = x.activity_id"
            + " and y.organisation_id > x.organisation_id where true";

    /**
     * Read once for the period what several computations go through (temporary tables dropped at commit at the
     * latest): the organisations co-delivering the activities not cancelled running (even partly) in the period,
     * with their kind ({@code ind_partners}), and the evidence of cooperation ties whose days overlap the period
     * ({@code ind_ties}; {@code valid_to} null: still running) — the tie view is built from several modules' facts,
     * and six cooperation indicators read it.
     */
    private void preparePartners(List<IndicatorDefinition> definitions, Period period) {
        if (definitions.stream().anyMatch(d -> TIE_COMPUTATIONS.contains(d.computation()))) {
            jdbc.sql("drop table if exists ind_ties").update();
            jdbc.sql("""
                    create temporary table ind_ties on commit drop as
                    select * from cooperation_fact_tie t
                    where t.valid_from <= :to and (t.valid_to is null or t.valid_to >= :from)""")
                    .param("from", period.from()).param("to", period.to()).update();
            jdbc.sql("analyze ind_ties").update();
        }
        if (definitions.stream().noneMatch(d -> PARTNER_COMPUTATIONS.contains(d.computation()))) {
            return;
        }
        jdbc.sql("drop table if exists ind_partners").update();
        jdbc.sql("""
                create temporary table ind_partners on commit drop as
                select a.activity_id, a.network_code, ap.organisation_id, o.kind
                from activity_fact_activity a
                join activity_fact_partner ap on ap.activity_id = a.activity_id
                join partnership_fact_organisation o on o.organisation_id = ap.organisation_id
                where a.status <> 'CANCELLED' and a.start_date <= :to and a.end_date >= :from""")
                .param("from", period.from()).param("to", period.to()).update();
        jdbc.sql("analyze ind_partners").update();
    }

    private static ThingQuery thingQuery(IndicatorDefinition d, Map<String, Object> params, IndicatorSettings s) {
        params.put("p", d.parameters().isEmpty() ? List.of("") : d.parameters());
        return switch (d.computation()) {
            // one row per activity: counted as rows, by hashing
            case "ACTIVITIES" -> new ThingQuery(ACTIVITIES, "count(*)", "activity",
                    "a.activity_id::text", "a.network_code", Map.of(Dimension.ACTION, "a.action",
                    Dimension.ACTIVITY_TYPE, "a.type_code", Dimension.PROVINCE, "c.province_code",
                    Dimension.COMUNE, "a.comune_istat"));
            case "AUTHORITIES_SUPPORTED", "ORGANISATIONS_INVOLVED" -> new ThingQuery(PARTNERS + " and a.kind in (:p)",
                    "count(distinct a.organisation_id)", "organisation", "a.organisation_id::text", "a.network_code",
                    Map.of());
            case "PROJECTS_LED_BY" -> new ThingQuery("partnership_fact_network n where n.lead_kind in (:p)"
                    + " and exists (select 1 from " + ACTIVITIES + " and a.network_code = n.network_code)",
                    "count(distinct n.network_code)", "network", "n.network_code", "n.network_code", Map.of());
            // the records behind a tie are the activities that make it
            case "TIES" -> new ThingQuery(PAIRS, "count(distinct (x.organisation_id, y.organisation_id))",
                    "activity", "x.activity_id::text", "x.network_code", Map.of());
            case "TIES_CROSS_SECTOR" -> new ThingQuery(PAIRS + " and x.kind <> y.kind",
                    "count(distinct (x.organisation_id, y.organisation_id))", "activity", "x.activity_id::text",
                    "x.network_code", Map.of());
            case "CONTACTS" -> new ThingQuery("ind_presence a where a.counts_for in (:p)"
                    + " and (a.quarter is null or a.quarter between date_trunc('quarter', cast(:from as date)) and :to)",
                    "coalesce(sum(a.presences), 0)",
                    "activity", "a.activity_id::text", "a.network_code", Map.of());
            // operators (staff) with at least 70 % of the hours of a training that ended in the period; the records
            // behind the number are the trainings
            case "OPERATORS_TRAINED" -> new ThingQuery("cooperation_fact_operator_training t where t.trained"
                    + " and t.ended_on between :from and :to", "count(distinct t.operator_key)", "training",
                    "t.training_id::text", "t.network_code", Map.of());
            // cooperation ties of all sources (cooperation_fact_tie: one row per piece of evidence, pair ordered)
            case "COOP_TIES" -> new ThingQuery(TIE_EVIDENCE, "count(distinct (t.organisation_a, t.organisation_b))",
                    "tie", "t.organisation_a || '-' || t.organisation_b", "t.network_code", Map.of());
            // the baseline is the project's first quarter (IndicatorSettings.firstQuarter, the one place it is
            // derived): pairs tied anywhere in it are not new
            case "COOP_TIES_NEW" -> {
                Period baseline = s.firstQuarter();
                params.put("baseFrom", baseline.from());
                params.put("baseTo", baseline.to());
                yield new ThingQuery(TIE_EVIDENCE + " and not exists (select 1 from cooperation_fact_tie b"
                        + " where b.organisation_a = t.organisation_a and b.organisation_b = t.organisation_b"
                        + " and b.valid_from <= :baseTo and (b.valid_to is null or b.valid_to >= :baseFrom))",
                        "count(distinct (t.organisation_a, t.organisation_b))", "tie",
                        "t.organisation_a || '-' || t.organisation_b", "t.network_code", Map.of());
            }
            case "COOP_TIES_CROSS_SECTOR" -> new ThingQuery(TIE_EVIDENCE + " and t.kind_a <> t.kind_b",
                    "count(distinct (t.organisation_a, t.organisation_b))", "tie",
                    "t.organisation_a || '-' || t.organisation_b", "t.network_code", Map.of());
            // member organisations of the network (of any network for the project) on a day of the period
            case "COOP_MEMBERS" -> new ThingQuery(MEMBERS, "count(distinct m.organisation_id)", "organisation",
                    "m.organisation_id::text", "m.network_code", Map.of());
            case "MEETINGS_HELD" -> new ThingQuery("cooperation_fact_meeting_attendance m"
                    + " where m.held_on between :from and :to", "count(distinct m.meeting_id)", "meeting",
                    "m.meeting_id::text", "m.network_code", Map.of());
            case "MEETING_ORGANISATIONS" -> new ThingQuery("cooperation_fact_meeting_attendance m"
                    + " where m.present and m.held_on between :from and :to", "count(distinct m.organisation_id)",
                    "organisation", "m.organisation_id::text", "m.network_code", Map.of());
            case "AGREEMENTS_IN_FORCE" -> new ThingQuery("cooperation_fact_agreement g where g.valid_from <= :to"
                    + " and (g.valid_to is null or g.valid_to >= :from)", "count(distinct g.agreement_id)",
                    "agreement", "g.agreement_id::text", "g.network_code", Map.of());
            case "REFERRALS_SENT" -> new ThingQuery("cooperation_fact_referral r where r.sent_on between :from and :to",
                    "count(distinct r.referral_id)", "referral", "r.referral_id::text", "r.from_network_code",
                    Map.of());
            case "COMUNI_COVERED" -> new ThingQuery("partnership_fact_coverage v"
                    + " join territory_fact_comune c on c.istat_code = v.istat_code where true",
                    "count(*)", "comune", "v.istat_code", "v.network_code",
                    Map.of(Dimension.PROVINCE, "c.province_code", Dimension.COMUNE, "v.istat_code"));
            case "POPULATION_COVERED" -> new ThingQuery("partnership_fact_coverage v"
                    + " join territory_fact_comune c on c.istat_code = v.istat_code where true",
                    "coalesce(sum(c.population), 0)", "comune", "v.istat_code", "v.network_code",
                    Map.of(Dimension.PROVINCE, "c.province_code", Dimension.COMUNE, "v.istat_code"));
            default -> throw new IllegalStateException("Unknown computation " + d.computation() + " of indicator "
                    + d.code());
        };
    }

    /**
     * The cells of things and stocks: kept ones ({@link ThingsCache}) when {@code generation} is given (the things'
     * generation, read before anything is computed) and one is kept, otherwise computed from the facts (the
     * period's partners and tie evidence read once for all of them) and, with a generation, kept.
     */
    private List<Cell> things(List<IndicatorDefinition> definitions, Period period, String network,
            IndicatorSettings s, Long generation) {
        List<Cell> cells = new ArrayList<>();
        List<IndicatorDefinition> missing = new ArrayList<>();
        for (IndicatorDefinition d : definitions) {
            List<Cell> value = generation != null && ThingsCache.keeps(d)
                    ? kept.get(generation, d, period, network, s) : null;
            if (value != null) {
                cells.addAll(value);
            } else {
                missing.add(d);
            }
        }
        if (missing.isEmpty()) {
            return cells;
        }
        if (generation == null) {
            cells.addAll(computeThings(missing, period, network, s, null));
            return cells;
        }
        synchronized (kept.lock(generation, period, network)) {
            // computed and kept by another thread (the refresher, another reader) while this one waited
            List<IndicatorDefinition> still = new ArrayList<>();
            for (IndicatorDefinition d : missing) {
                List<Cell> value = ThingsCache.keeps(d) ? kept.get(generation, d, period, network, s) : null;
                if (value != null) {
                    cells.addAll(value);
                } else {
                    still.add(d);
                }
            }
            cells.addAll(computeThings(still, period, network, s, generation));
        }
        return cells;
    }

    /** Things computed from the facts (the period's partners and tie evidence read once), kept with a generation. */
    private List<Cell> computeThings(List<IndicatorDefinition> definitions, Period period, String network,
            IndicatorSettings s, Long generation) {
        List<Cell> cells = new ArrayList<>();
        if (definitions.isEmpty()) {
            return cells;
        }
        preparePartners(definitions, period);
        for (IndicatorDefinition d : definitions) {
            List<Cell> value = things(d, period, network, s);
            if (generation != null && ThingsCache.keeps(d)) {
                kept.put(generation, d, period, network, s, value);
            }
            cells.addAll(value);
        }
        return cells;
    }

    /**
     * Computes and keeps, ahead of the readers, the things' values of a period and network that are not kept yet
     * under {@code generation} (read in this transaction before).
     */
    void keepThings(List<IndicatorDefinition> definitions, Period period, String network, IndicatorSettings s,
            long generation) {
        jdbc.sql("set local work_mem = '256MB'").update();
        things(definitions.stream().filter(ThingsCache::keeps).toList(), period, network, s, generation);
    }

    private List<Cell> things(IndicatorDefinition d, Period period, String network, IndicatorSettings s) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", period.from());
        params.put("to", period.to());
        if (COOP_GRAPH.contains(d.computation())) {
            return coopGraph(d, params, network);
        }
        ThingQuery q = thingQuery(d, params, s);
        if (q.columns().isEmpty() && q.countExpression().startsWith(DISTINCT)) {
            return distinctThings(d, q, params, network);
        }
        Map<Dimension, String> columns = new LinkedHashMap<>(q.columns());
        List<String> sets = new ArrayList<>();
        if (network == null) {
            sets.add("()");
        }
        sets.add("(" + q.networkColumn() + ")");
        for (String col : columns.values()) {
            if (network == null) {
                sets.add("(" + col + ")");
            }
            sets.add("(" + q.networkColumn() + ", " + col + ")");
        }
        StringBuilder select = new StringBuilder("select grouping(").append(q.networkColumn()).append(") as g_network, ")
                .append(q.networkColumn()).append(" as network");
        List<Dimension> dims = new ArrayList<>(columns.keySet());
        for (int i = 0; i < dims.size(); i++) {
            String col = columns.get(dims.get(i));
            select.append(", grouping(").append(col).append(") as g").append(i).append(", ").append(col)
                    .append(" as k").append(i);
        }
        select.append(", ").append(q.countExpression()).append(" as value from ").append(q.from());
        if (network != null) {
            select.append(" and ").append(q.networkColumn()).append(" = :network");
            params.put("network", network);
        }
        select.append(" group by grouping sets (").append(String.join(", ", sets)).append(")");
        List<Cell> cells = jdbc.sql(select.toString()).params(params).query((rs, n) -> {
            String net = rs.getInt("g_network") == 0 ? rs.getString("network") : null;
            Dimension dimension = null;
            String key = null;
            for (int i = 0; i < dims.size(); i++) {
                if (rs.getInt("g" + i) == 0) {
                    dimension = dims.get(i);
                    key = rs.getString("k" + i);
                }
            }
            return new Cell(d.code(), net, dimension, dimension == null ? null : key, rs.getBigDecimal("value"),
                    false);
        }).list();
        if (network == null && cells.stream().noneMatch(c -> c.network() == null && c.isTotal())) {
            cells = new ArrayList<>(cells);
            cells.add(new Cell(d.code(), null, null, null, BigDecimal.ZERO, false));
        }
        return cells;
    }

    // --- the cooperation graph's metrics (the rules of cooperation.CooperationGraph, tested equal) ---

    /** Member organisations of a network on at least one day of the period. */
    private static final String MEMBERS = "partnership_fact_member m where (m.member_from is null"
            + " or m.member_from <= :to) and (m.member_to is null or m.member_to >= :from)";

    /** The computations over the whole graph of a network or of the project, not one thing at a time. */
    private static final Set<String> COOP_GRAPH = Set.of("COOP_BRIDGES", "COOP_ISOLATES", "COOP_DENSITY");

    /**
     * The ends of the period's ties, one row per piece of evidence and end: the network the evidence belongs to,
     * the organisation, its kind and the other end's, and whether it is a referral between two networks.
     */
    private static final String TIE_ENDS = "with ind_ev as materialized (select t.network_code, t.organisation_a,"
            + " t.organisation_b, t.kind_a, t.kind_b, t.cross_network from " + TIE_EVIDENCE + "),"
            + " ind_ends as (select network_code, organisation_a as org, kind_a as own, kind_b as other,"
            + " cross_network from ind_ev"
            + " union all select network_code, organisation_b, kind_b, kind_a, cross_network from ind_ev)";

    /** A bridge: tied to two or more kinds other than its own, or by a referral between two networks. */
    private static final String BRIDGE = "count(distinct other) filter (where other <> own) >= 2"
            + " or bool_or(cross_network)";

    /**
     * Bridges, isolates and density per network (the network's evidence, its members) and for the project (all
     * evidence, project-wide included, and the members of any network), as {@code CooperationGraph} counts them:
     * a network's rows are not summed into the project's, whose graph is another.
     */
    private List<Cell> coopGraph(IndicatorDefinition d, Map<String, Object> params, String network) {
        params.put("network", network);
        String oneNetwork = " and (cast(:network as text) is null or %s = :network)";
        List<Cell> cells = new ArrayList<>();
        switch (d.computation()) {
            case "COOP_BRIDGES" -> {
                String sql = TIE_ENDS + " select network_code, count(*) from (select network_code, org from ind_ends"
                        + " where network_code is not null" + oneNetwork.formatted("network_code")
                        + " group by network_code, org having " + BRIDGE + ") x group by network_code";
                if (network == null) {
                    sql += " union all select null::text, count(*) from (select org from ind_ends group by org"
                            + " having " + BRIDGE + " or count(distinct network_code) >= 2) y";
                }
                cells.addAll(counts(d, sql, params));
            }
            case "COOP_ISOLATES" -> {
                String sql = "with ind_tied as materialized (select t.network_code, t.organisation_a as org from "
                        + TIE_EVIDENCE + " union select t.network_code, t.organisation_b from " + TIE_EVIDENCE + ")"
                        + " select m.network_code, count(distinct m.organisation_id) from " + MEMBERS
                        + oneNetwork.formatted("m.network_code") + " and not exists (select 1 from ind_tied x"
                        + " where x.network_code = m.network_code and x.org = m.organisation_id)"
                        + " group by m.network_code";
                if (network == null) {
                    sql += " union all select null::text, count(distinct m.organisation_id) from " + MEMBERS
                            + " and not exists (select 1 from ind_tied x where x.org = m.organisation_id)";
                }
                cells.addAll(counts(d, sql, params));
            }
            case "COOP_DENSITY" -> {
                String sql = "with ind_mem as materialized (select distinct m.network_code, m.organisation_id from "
                        + MEMBERS + oneNetwork.formatted("m.network_code") + "),"
                        + " ind_ev as materialized (select distinct t.network_code, t.organisation_a,"
                        + " t.organisation_b from " + TIE_EVIDENCE + ")"
                        + " select n.network_code, n.members,"
                        + " (select count(distinct (e.organisation_a, e.organisation_b)) from ind_ev e"
                        + " join ind_mem a on a.network_code = e.network_code and a.organisation_id = e.organisation_a"
                        + " join ind_mem b on b.network_code = e.network_code and b.organisation_id = e.organisation_b"
                        + " where e.network_code = n.network_code)"
                        + " from (select network_code, count(*) as members from ind_mem group by network_code) n";
                if (network == null) {
                    sql += " union all select null::text, (select count(distinct organisation_id) from ind_mem),"
                            + " (select count(distinct (organisation_a, organisation_b)) from ind_ev"
                            + " where organisation_a in (select organisation_id from ind_mem)"
                            + " and organisation_b in (select organisation_id from ind_mem))";
                }
                jdbc.sql(sql).params(params).query((rs, n) -> {
                    long members = rs.getLong(2);
                    if (members >= 2) {
                        // ties between two members over the possible pairs of members, in percent, one decimal
                        cells.add(new Cell(d.code(), rs.getString(1), null, null,
                                BigDecimal.valueOf(rs.getLong(3) * 100L).divide(
                                        BigDecimal.valueOf(members * (members - 1) / 2), 1, RoundingMode.HALF_UP),
                                false));
                    }
                    return null;
                }).list();
            }
            default -> throw new IllegalStateException(d.computation());
        }
        return cells;
    }

    private List<Cell> counts(IndicatorDefinition d, String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query((rs, n) -> new Cell(d.code(), rs.getString(1), null, null,
                BigDecimal.valueOf(rs.getLong(2)), false)).list();
    }

    /** The organisations behind a bridges or isolates number: of a network, or of the project's graph. */
    private List<DrillRecord> coopGraphRecords(IndicatorDefinition d, Map<String, Object> params, String network) {
        params.put("network", network);
        String sql = switch (d.computation()) {
            case "COOP_BRIDGES" -> network != null
                    ? TIE_ENDS + " select org, network_code from ind_ends where network_code = :network"
                            + " group by network_code, org having " + BRIDGE
                    : TIE_ENDS + " select org, null::text from ind_ends group by org having " + BRIDGE
                            + " or count(distinct network_code) >= 2";
            default -> network != null
                    ? "select distinct m.organisation_id, m.network_code from " + MEMBERS
                            + " and m.network_code = :network and not exists (select 1 from " + TIE_EVIDENCE
                            + " and t.network_code = m.network_code"
                            + " and m.organisation_id in (t.organisation_a, t.organisation_b))"
                    : "select distinct m.organisation_id, null::text from " + MEMBERS
                            + " and not exists (select 1 from " + TIE_EVIDENCE
                            + " and m.organisation_id in (t.organisation_a, t.organisation_b))";
        };
        return jdbc.sql(sql + " order by 1 limit :limit").params(params)
                .query((rs, n) -> new DrillRecord("organisation", rs.getString(1), rs.getString(2))).list();
    }

    private static final String DISTINCT = "count(distinct ";

    /**
     * Distinct things per network and for the project, by hashing: the pairs (network, thing) first, then counted,
     * rather than {@code count(distinct)} over grouping sets (a sort per set).
     */
    private List<Cell> distinctThings(IndicatorDefinition d, ThingQuery q, Map<String, Object> params,
            String network) {
        String expression = q.countExpression().substring(DISTINCT.length(), q.countExpression().length() - 1);
        if (expression.startsWith("(")) {
            expression = expression.substring(1, expression.length() - 1);
        }
        List<String> keys = new ArrayList<>();
        StringJoiner select = new StringJoiner(", ");
        for (String part : expression.split(",")) {
            keys.add("k" + keys.size());
            select.add(part.trim() + " as " + keys.get(keys.size() - 1));
        }
        StringBuilder sql = new StringBuilder("with ind_things as materialized (select distinct ")
                .append(q.networkColumn()).append(" as network, ").append(select).append(" from ").append(q.from());
        if (network != null) {
            sql.append(" and ").append(q.networkColumn()).append(" = :network");
            params.put("network", network);
        }
        // things of no network (project-wide trainings) count in the project total only
        sql.append(") select network, count(*) from ind_things where network is not null group by network");
        if (network == null) {
            sql.append(" union all select null::text, count(*) from (select distinct ").append(String.join(", ", keys))
                    .append(" from ind_things) x");
        }
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Cell(d.code(), rs.getString(1), null,
                null, BigDecimal.valueOf(rs.getLong(2)), false)).list();
    }

    // --- ratios ---

    /** A percentage with one decimal: the first parameter's cell over the second's, where the second is not zero. */
    private static List<Cell> ratio(IndicatorDefinition d, List<Cell> cells) {
        String numerator = d.parameters().get(0);
        String denominator = d.parameters().get(1);
        Map<List<Object>, BigDecimal> num = new HashMap<>();
        for (Cell c : cells) {
            if (c.indicator().equals(numerator)) {
                num.put(java.util.Arrays.asList(c.network(), c.dimension(), c.key()), c.value());
            }
        }
        List<Cell> result = new ArrayList<>();
        for (Cell c : cells) {
            if (c.indicator().equals(denominator) && c.value().signum() > 0) {
                BigDecimal n = num.getOrDefault(java.util.Arrays.asList(c.network(), c.dimension(), c.key()),
                        BigDecimal.ZERO);
                result.add(new Cell(d.code(), c.network(), c.dimension(), c.key(),
                        n.multiply(BigDecimal.valueOf(100)).divide(c.value(), 1, RoundingMode.HALF_UP), false));
            }
        }
        return result;
    }

    /** Keeps the cells of the breakdowns an indicator allows (per-network totals need NETWORK). */
    private static boolean allowed(Cell c, List<IndicatorDefinition> definitions) {
        Set<Dimension> allowed = definitions.stream().filter(d -> d.code().equals(c.indicator())).findFirst()
                .map(IndicatorDefinition::breakdowns).orElse(EnumSet.noneOf(Dimension.class));
        if (c.network() != null && !allowed.contains(Dimension.NETWORK)) {
            return false;
        }
        return c.dimension() == null || allowed.contains(c.dimension());
    }
}
