package it.labimpact.report;

import it.labimpact.indicator.Cell;
import it.labimpact.indicator.IndicatorResult;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.shared.Actor;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.export.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The open-data release (dati aperti): the indicators as aggregates with small cells suppressed, one CSV per year and
 * one for the project to date, with a stable machine-readable column set, and their catalogue as DCAT-AP_IT
 * metadata in JSON-LD. Nothing here needs a login: values come from {@link Indicators#published} computed by the
 * platform itself, never the raw ones.
 */
@Service
public class OpenData {

    /** The CSV columns, stable for machines: change them only with a new dataset version. */
    public static final List<String> COLUMNS = List.of("indicator", "period", "network", "dimension", "key", "value",
            "suppressed");

    /** Regione Lombardia's code in the Italian public administration index (IPA); to verify with the region. */
    static final String IPA_CODE = "r_lombar";
    static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";
    static final String THEME = "http://publications.europa.eu/resource/authority/data-theme/SOCI";
    static final String QUARTERLY = "http://publications.europa.eu/resource/authority/frequency/QUARTERLY";
    static final String CSV_FORMAT = "http://publications.europa.eu/resource/authority/file-type/CSV";
    static final String CSV_MEDIA_TYPE = "http://www.iana.org/assignments/media-types/text/csv";
    static final String LOMBARDIA = "http://www.geonames.org/3174618";

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private final Indicators indicators;
    private final MessageSource messages;
    private final Duration cacheFor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    /** A dataset's table and when it was computed. */
    private record Cached(Instant at, Table table) {
    }

    OpenData(Indicators indicators, MessageSource messages,
            @Value("${labimpact.open-data.cache-minutes:15}") long cacheMinutes) {
        this.indicators = indicators;
        this.messages = messages;
        this.cacheFor = Duration.ofMinutes(cacheMinutes);
    }

    /**
     * One dataset: the indicators of a period.
     *
     * @param id the dataset's identifier, also its CSV file name without extension
     */
    public record Dataset(String id, Period period) {

        /** The file name under {@code /open-data/}. */
        public String fileName() {
            return id + ".csv";
        }
    }

    /** The datasets: the project to date first, then every year from the project's start, newest first. */
    public List<Dataset> datasets() {
        List<Dataset> datasets = new ArrayList<>();
        for (Period p : indicators.periods()) {
            if (p.kind() == Period.Kind.PROJECT_TO_DATE) {
                datasets.add(new Dataset("lab-impact-indicators-ptd", p));
            } else if (p.kind() == Period.Kind.YEAR) {
                datasets.add(new Dataset("lab-impact-indicators-" + p.code(), p));
            }
        }
        return datasets;
    }

    /** The dataset with this file name. */
    public Dataset dataset(String fileName) {
        return datasets().stream().filter(d -> d.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("dataset", fileName));
    }

    /** The small-cell threshold published values are suppressed under. */
    public int threshold() {
        return indicators.settings().smallCellThreshold();
    }

    /**
     * A dataset's rows: every published cell (project and networks, totals and breakdowns), suppressed cells with an
     * empty value and {@code suppressed = true}. The public files are computed at most once per
     * {@code labimpact.open-data.cache-minutes} (15 by default) per dataset, so anonymous downloads cannot keep the
     * database busy; concurrent requests for the same dataset wait for one computation.
     */
    public Table table(Dataset dataset) {
        Instant now = Instant.now();
        return cache.compute(dataset.id(), (id, old) -> old != null && old.at().plus(cacheFor).isAfter(now) ? old
                : new Cached(now, compute(dataset))).table();
    }

    private Table compute(Dataset dataset) {
        AtomicReference<IndicatorResult> result = new AtomicReference<>();
        Actor.runAs(Actor.SYSTEM, () -> result.set(indicators.published(dataset.period(), null)));
        Table.Builder table = Table.named(dataset.id(), COLUMNS);
        List<Cell> cells = result.get().cells().stream()
                .sorted(Comparator.comparing(Cell::indicator)
                        .thenComparing(Cell::network, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Cell::dimension, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Cell::key, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        for (Cell c : cells) {
            table.row(c.indicator(), dataset.period().code(), c.network(),
                    c.dimension() == null ? null : c.dimension().name(), c.key(), c.suppressed() ? null : c.value() == null ? BigDecimal.ZERO : c.value(),
                    c.suppressed());
        }
        return table.build();
    }

    /**
     * The catalogue in DCAT-AP_IT, as JSON-LD: a {@code dcat:Catalog} of the datasets, each with its CSV
     * distribution.
     *
     * @param base the site's address, such as {@code https://labimpact.example.org}
     */
    public String catalog(String base) {
        LocalDate today = LocalDate.now(ROME);
        ObjectNode catalog = json.createObjectNode();
        ObjectNode context = catalog.putObject("@context");
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("dcatapit", "http://dati.gov.it/onto/dcatapit#");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("vcard", "http://www.w3.org/2006/vcard/ns#");
        context.put("locn", "http://www.w3.org/ns/locn#");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        catalog.put("@id", base + "/open-data/catalog.jsonld");
        catalog.putArray("@type").add("dcat:Catalog").add("dcatapit:Catalog");
        texts(catalog, "dct:title", "report.openData.catalog.title");
        texts(catalog, "dct:description", "report.openData.catalog.description");
        catalog.set("dct:publisher", regione(base));
        catalog.set("dct:issued", date(indicators.settings().projectStart()));
        catalog.set("dct:modified", date(today));
        catalog.set("foaf:homepage", ref(base + "/open-data"));
        catalog.set("dct:language", ref("http://publications.europa.eu/resource/authority/language/ITA"));
        catalog.set("dcat:themeTaxonomy", ref("http://publications.europa.eu/resource/authority/data-theme"));
        ArrayNode list = catalog.putArray("dcat:dataset");
        for (Dataset d : datasets()) {
            list.add(dataset(base, d, today));
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(catalog);
    }

    private ObjectNode dataset(String base, Dataset d, LocalDate today) {
        ObjectNode node = json.createObjectNode();
        node.put("@id", base + "/open-data#" + d.id());
        node.putArray("@type").add("dcat:Dataset").add("dcatapit:Dataset");
        node.put("dct:identifier", IPA_CODE + ":" + d.id());
        if (d.period().kind() == Period.Kind.PROJECT_TO_DATE) {
            texts(node, "dct:title", "report.openData.dataset.ptd");
        } else {
            texts(node, "dct:title", "report.openData.dataset.year", d.period().code());
        }
        texts(node, "dct:description", "report.openData.dataset.description", threshold());
        node.set("dct:publisher", regione(base));
        node.set("dcatapit:rightsHolder", regione(base));
        node.set("dcat:contactPoint", contact());
        node.set("dct:issued", date(d.period().kind() == Period.Kind.PROJECT_TO_DATE
                ? indicators.settings().projectStart() : d.period().from()));
        node.set("dct:modified", date(today));
        ObjectNode temporal = node.putObject("dct:temporal");
        temporal.put("@type", "dct:PeriodOfTime");
        temporal.set("dcat:startDate", date(d.period().from()));
        temporal.set("dcat:endDate", date(d.period().to().isAfter(today) ? today : d.period().to()));
        ObjectNode spatial = node.putObject("dct:spatial");
        spatial.put("@id", LOMBARDIA);
        spatial.put("@type", "dct:Location");
        spatial.put("locn:geographicName", "Lombardia");
        node.set("dcat:theme", ref(THEME));
        node.set("dct:accrualPeriodicity", ref(QUARTERLY));
        ArrayNode keywords = node.putArray("dcat:keyword");
        for (String k : List.of("integrazione", "FAMI", "cittadini di paesi terzi", "Lombardia")) {
            keywords.addObject().put("@value", k).put("@language", "it");
        }
        ObjectNode csv = node.putArray("dcat:distribution").addObject();
        csv.put("@id", base + "/open-data/" + d.fileName());
        csv.putArray("@type").add("dcat:Distribution").add("dcatapit:Distribution");
        texts(csv, "dct:title", "report.openData.distribution.title");
        csv.set("dcat:accessURL", ref(base + "/open-data"));
        csv.set("dcat:downloadURL", ref(base + "/open-data/" + d.fileName()));
        csv.set("dct:format", ref(CSV_FORMAT));
        csv.set("dcat:mediaType", ref(CSV_MEDIA_TYPE));
        ObjectNode licence = csv.putObject("dct:license");
        licence.put("@id", LICENCE);
        licence.putArray("@type").add("dct:LicenseDocument").add("dcatapit:LicenseDocument");
        licence.put("foaf:name", "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)");
        return node;
    }

    private ObjectNode regione(String base) {
        ObjectNode agent = json.createObjectNode();
        agent.put("@id", base + "/open-data#regione-lombardia");
        agent.putArray("@type").add("foaf:Agent").add("dcatapit:Agent");
        agent.put("foaf:name", "Regione Lombardia");
        agent.put("dct:identifier", IPA_CODE);
        return agent;
    }

    private ObjectNode contact() {
        ObjectNode contact = json.createObjectNode();
        contact.putArray("@type").add("vcard:Organization").add("dcatapit:Organization");
        contact.put("vcard:fn", "Regione Lombardia");
        contact.set("vcard:hasURL", ref("https://www.regione.lombardia.it"));
        return contact;
    }

    /** A message in Italian and English, as language-tagged literals. */
    private void texts(ObjectNode node, String property, String key, Object... args) {
        ArrayNode values = node.putArray(property);
        for (Locale locale : List.of(Locale.ITALIAN, Locale.ENGLISH)) {
            values.addObject().put("@value", messages.getMessage(key, args, locale))
                    .put("@language", locale.getLanguage());
        }
    }

    private ObjectNode ref(String uri) {
        return json.createObjectNode().put("@id", uri);
    }

    private ObjectNode date(LocalDate day) {
        return json.createObjectNode().put("@value", day.toString()).put("@type", "xsd:date");
    }
}
