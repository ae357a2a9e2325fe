package it.labimpact.directory;

import it.labimpact.partnership.OrganisationDetail;
import it.labimpact.partnership.Partnership;
import it.labimpact.territory.Comune;
import it.labimpact.territory.TerritoryCatalogue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds the views of entries from their rows: texts in a language with fallback, places, names. */
@Component
class EntryViews {

    private final DirectoryRepository repository;
    private final Partnership partnership;
    private final TerritoryCatalogue territory;

    EntryViews(DirectoryRepository repository, Partnership partnership, TerritoryCatalogue territory) {
        this.repository = repository;
        this.partnership = partnership;
        this.territory = territory;
    }

    /**
     * The full view of one entry.
     *
     * @param lang the language of the texts; {@code it} for editors, who also get every translation's state
     */
    EntryView view(DirectoryRepository.EntryRow r, String lang, boolean editor, LocalDate staleBefore) {
        List<UUID> ids = List.of(r.id());
        List<DirectoryRepository.TextRow> rows = repository.texts(ids, editor ? null : lang, List.of(TextField.values()));
        Map<String, Map<TextField, TranslationState>> translations = new TreeMap<>();
        if (editor) {
            for (PublicLanguage l : PublicLanguage.values()) {
                if (l != PublicLanguage.IT) {
                    Map<TextField, TranslationState> states = new EnumMap<>(TextField.class);
                    for (TextField f : TextField.values()) {
                        states.put(f, TranslationState.MISSING);
                    }
                    translations.put(l.tag(), states);
                }
            }
            rows.stream().filter(t -> !"it".equals(t.lang()))
                    .forEach(t -> translations.get(t.lang()).put(t.field(), t.state()));
        }
        Map<TextField, LocalisedText> texts = localise(rows, editor ? "it" : lang).getOrDefault(r.id(), Map.of());
        List<EntryView.Location> places = repository.locations(ids).stream().map(this::location).toList();
        return new EntryView(r.id(), r.kind(), r.networkCode(), r.organisationId(), organisationName(r.organisationId()),
                r.status(), repository.categories(ids).getOrDefault(r.id(), List.of()), r.free(), r.languages(),
                r.email(), r.phone(), r.url(), r.startsAt(), r.endsAt(), texts, places, repository.openings(r.id()),
                repository.closures(r.id()), r.lastCheckedOn(), r.lastCheckedBy(), r.updatedAt(), r.version(),
                stale(r, staleBefore), translations);
    }

    /** Summaries of the entries, in the order of {@code ids}. */
    List<EntrySummary> summaries(List<UUID> ids, Map<UUID, Double> distances, String lang, LocalDate staleBefore) {
        Map<UUID, DirectoryRepository.EntryRow> rows = new HashMap<>();
        repository.entries(ids).forEach(r -> rows.put(r.id(), r));
        Map<UUID, Map<TextField, LocalisedText>> texts = localise(
                repository.texts(ids, lang, List.of(TextField.NAME, TextField.DESCRIPTION)), lang);
        Map<UUID, List<DirectoryCategory>> categories = repository.categories(ids);
        Map<UUID, DirectoryRepository.LocationRow> first = new LinkedHashMap<>();
        repository.locations(ids).forEach(l -> first.putIfAbsent(l.entryId(), l));
        Map<Long, String> organisations = new HashMap<>();
        List<EntrySummary> summaries = new ArrayList<>();
        for (UUID id : ids) {
            DirectoryRepository.EntryRow r = rows.get(id);
            Map<TextField, LocalisedText> t = texts.getOrDefault(id, Map.of());
            DirectoryRepository.LocationRow place = first.get(id);
            String comune = place == null ? null : territory.comune(place.comuneIstat()).map(Comune::name).orElse(null);
            summaries.add(new EntrySummary(id, r.kind(), r.networkCode(),
                    organisations.computeIfAbsent(r.organisationId(), this::organisationName), r.status(),
                    t.getOrDefault(TextField.NAME, new LocalisedText("", "it", false)), t.get(TextField.DESCRIPTION),
                    categories.getOrDefault(id, List.of()), r.languages(), r.free(), r.startsAt(), r.endsAt(), comune,
                    place == null ? null : place.address(), place == null ? null : place.latitude(),
                    place == null ? null : place.longitude(), distances.get(id), r.lastCheckedOn(),
                    stale(r, staleBefore)));
        }
        return summaries;
    }

    /** Per entry and field: the reviewed text in {@code lang}, else the Italian marked as a fallback. */
    static Map<UUID, Map<TextField, LocalisedText>> localise(Collection<DirectoryRepository.TextRow> rows, String lang) {
        Map<UUID, Map<TextField, LocalisedText>> byEntry = new HashMap<>();
        for (DirectoryRepository.TextRow t : rows) {
            if ("it".equals(t.lang())) {
                byEntry.computeIfAbsent(t.entryId(), k -> new EnumMap<>(TextField.class))
                        .putIfAbsent(t.field(), new LocalisedText(t.value(), "it", !"it".equals(lang)));
            }
        }
        for (DirectoryRepository.TextRow t : rows) {
            if (t.lang().equals(lang) && !"it".equals(lang) && t.state() == TranslationState.REVIEWED) {
                byEntry.computeIfAbsent(t.entryId(), k -> new EnumMap<>(TextField.class))
                        .put(t.field(), new LocalisedText(t.value(), lang, false));
            }
        }
        return byEntry;
    }

    /** The Italian texts of an entry, and the translations of one language with their state. */
    Map<String, Map<TextField, DirectoryRepository.TextRow>> rawTexts(UUID id, String lang) {
        Map<String, Map<TextField, DirectoryRepository.TextRow>> texts = new HashMap<>();
        texts.put("it", new EnumMap<>(TextField.class));
        texts.put(lang, new EnumMap<>(TextField.class));
        repository.texts(List.of(id), lang, List.of(TextField.values()))
                .forEach(t -> texts.get(t.lang()).put(t.field(), t));
        return texts;
    }

    String organisationName(long id) {
        return partnership.organisation(id).map(OrganisationDetail::summary).map(s -> s.name()).orElse("");
    }

    Optional<Comune> comune(String istat) {
        return territory.comune(istat);
    }

    private EntryView.Location location(DirectoryRepository.LocationRow l) {
        Comune c = territory.comune(l.comuneIstat()).orElse(null);
        return new EntryView.Location(l.id(), l.name(), l.address(), l.postalCode(), l.comuneIstat(),
                c == null ? l.comuneIstat() : c.name(), c == null ? null : c.provinceSigla(), l.latitude(),
                l.longitude());
    }

    private static boolean stale(DirectoryRepository.EntryRow r, LocalDate staleBefore) {
        return r.status() == EntryStatus.PUBLISHED && r.lastCheckedOn() != null && staleBefore != null
                && r.lastCheckedOn().isBefore(staleBefore);
    }
}
