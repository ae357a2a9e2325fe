package it.labimpact.directory;

import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.territory.Comune;
import it.labimpact.territory.ComuneQuery;
import it.labimpact.territory.TerritoryCatalogue;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What visitors read, without logging in: published entries only, texts in their language (reviewed translations)
 * or in Italian, marked as such. Nothing here needs an actor.
 */
@Service
@Transactional(readOnly = true)
public class PublicDirectory {

    private static final int MAX_WORDS = 8;

    private final DirectoryRepository repository;
    private final EntryViews views;
    private final DirectoryEditorial editorial;
    private final TerritoryCatalogue territory;

    PublicDirectory(DirectoryRepository repository, EntryViews views, DirectoryEditorial editorial,
            TerritoryCatalogue territory) {
        this.repository = repository;
        this.views = views;
        this.editorial = editorial;
        this.territory = territory;
    }

    /** Published entries matching the search: near the comune first, otherwise services by name, events by date. */
    public PageResponse<EntrySummary> search(DirectorySearch s, PublicLanguage lang, PageRequest page) {
        Comune near = s.comuneIstat() == null ? null : territory.comune(s.comuneIstat()).orElse(null);
        List<String> words = s.text() == null ? List.of() : Arrays.stream(s.text().strip().split("\\s+"))
                .filter(w -> !w.isBlank()).limit(MAX_WORDS).toList();
        DirectoryRepository.Filter filter = new DirectoryRepository.Filter(s.kind(), EntryStatus.PUBLISHED, null, null,
                null, s.category(), blankToNull(s.language()), words.isEmpty() ? null : words, lang.tag(),
                near == null ? null : near.lat(), near == null ? null : near.lon(),
                near == null ? null : DirectorySearch.RADIUS_KM,
                s.kind() == EntryKind.EVENT ? Instant.now() : null);
        List<DirectoryRepository.Hit> hits = repository.search(filter, page.offset(), page.size());
        Map<UUID, Double> distances = new HashMap<>();
        hits.stream().filter(h -> h.distanceKm() != null).forEach(h -> distances.put(h.id(), h.distanceKm()));
        List<EntrySummary> items = views.summaries(hits.stream().map(DirectoryRepository.Hit::id).toList(), distances,
                lang.tag(), editorial.staleBefore());
        return new PageResponse<>(items, page.page(), page.size(), repository.count(filter));
    }

    /** One published entry in the visitor's language; anything else is "not found". */
    public EntryView entry(UUID id, PublicLanguage lang) {
        DirectoryRepository.EntryRow row = repository.entry(id)
                .filter(r -> r.status() == EntryStatus.PUBLISHED)
                .orElseThrow(() -> new RecordNotFoundException("directory entry", id));
        return views.view(row, lang.tag(), false, editorial.staleBefore());
    }

    /** A comune by its name as a visitor types it (case-insensitive, "(MI)" allowed) or its ISTAT code. */
    public Optional<Comune> comune(String text) {
        return editorial.comune(text);
    }

    /**
     * The comune whose centre is nearest to a visitor's position ("near me"), when the position is in or near
     * Lombardy; empty otherwise.
     */
    public Optional<Comune> nearestComune(double lat, double lon) {
        if (!(lat >= 44.5 && lat <= 46.8 && lon >= 8.3 && lon <= 11.6)) {
            return Optional.empty();
        }
        double k = Math.cos(Math.toRadians(lat));
        return territory.allComuni(new ComuneQuery(null, null, null)).stream()
                .min(java.util.Comparator.comparingDouble(c -> Math.pow(c.lat() - lat, 2)
                        + Math.pow((c.lon() - lon) * k, 2)));
    }

    /** Up to {@code max} comuni whose name starts like the text, to suggest when a name is unknown. */
    public List<Comune> comuniLike(String text, int max) {
        if (text == null || text.strip().length() < 2) {
            return List.of();
        }
        String start = text.strip().substring(0, Math.min(4, text.strip().length()));
        return territory.comuni(new ComuneQuery(null, start, null), new PageRequest(0, max)).items();
    }

    /** Published entries of a kind with their last change, for the sitemap. */
    public List<Map.Entry<UUID, Instant>> published(EntryKind kind) {
        return repository.published(kind);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
