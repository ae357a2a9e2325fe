package it.labimpact.imports;

import it.labimpact.participant.Enrolments;
import it.labimpact.participant.EnrolmentView;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.PageResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Finds the registered participant a row names, within the uploader's scope, through {@link ParticipantRegistry}:
 * by the whole participant code, or by its first 8 characters or more among the participants enrolled in the row's
 * activity (the code the pages show), or by identity. Refuses with the row's line and column otherwise.
 */
@Component
class Persons {

    private final ParticipantRegistry registry;
    private final Enrolments enrolments;

    Persons(ParticipantRegistry registry, Enrolments enrolments) {
        this.registry = registry;
        this.enrolments = enrolments;
    }

    /** Per run: the participants enrolled in an activity, read once. */
    static final class Cache {
        final Map<Long, List<UUID>> enrolled = new ConcurrentHashMap<>();
    }

    /** Must be called inside a savepoint: a code out of scope is refused by the registry. */
    UUID find(int line, PersonColumns columns, String code, ParticipantData identity, Long activityId, Cache cache) {
        if (code == null) {
            Optional<UUID> held = registry.heldByNetwork(identity);
            return held.orElseThrow(() -> new RowRefused(line, columns.surname(), "imports.person.notFound"));
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        Optional<UUID> whole = uuid(c);
        if (whole.isPresent()) {
            try {
                return registry.summary(whole.get()).id();
            } catch (RecordNotFoundException e) {
                throw new RowRefused(line, columns.code(), "imports.person.codeUnknown", code);
            }
        }
        if (activityId == null || c.length() < 8) {
            throw new RowRefused(line, columns.code(), "imports.person.codeWhole", code);
        }
        List<UUID> found = cache.enrolled.computeIfAbsent(activityId, this::enrolled).stream()
                .filter(p -> p.toString().startsWith(c)).toList();
        if (found.size() > 1) {
            throw new RowRefused(line, columns.code(), "imports.person.codeAmbiguous", code);
        }
        if (found.isEmpty()) {
            throw new RowRefused(line, columns.code(), "imports.person.codeUnknown", code);
        }
        return found.get(0);
    }

    private List<UUID> enrolled(long activityId) {
        List<UUID> all = new ArrayList<>();
        for (int page = 0;; page++) {
            PageResponse<EnrolmentView> p = enrolments.list(activityId, null, new PageRequest(page,
                    PageResponse.MAX_SIZE));
            p.items().forEach(e -> all.add(e.participantId()));
            if (p.items().size() < p.size() || all.size() >= p.total()) {
                return all;
            }
        }
    }

    static Optional<UUID> uuid(String code) {
        if (code.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
