package it.labimpact.shared;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every API list returns it:
 * {@code {"items": [...], "page": 0, "size": 50, "total": N, "totalExact": true}}.
 *
 * <p>Large lists are not counted to the end at every page: when {@code totalExact} is false, more than
 * {@code total} items match ({@code total} is then at least {@link #COUNT_LIMIT} and at least the end of the page
 * asked for), and the next page exists. See {@link #counted}.
 */
@Schema(description = "One page of a list. `total` is the number of items matching when `totalExact` is true. Lists"
        + " that can be long (activities, participants) stop counting beyond 10,000 items or beyond the end of the"
        + " page asked for, whichever is further: `totalExact` is then false, more than `total` items match and the"
        + " next page exists (ask for `page + 1` until a page comes back with fewer than `size` items).")
public record PageResponse<T>(List<T> items, int page, int size,
        @Schema(description = "Items matching; a lower bound (more match) when totalExact is false") long total,
        @Schema(description = "Whether total is the exact number of items matching") boolean totalExact) {

    /** Largest page a client may ask for. */
    public static final int MAX_SIZE = 500;

    /** Lists counted with {@link #counted} count at most this many items beyond which they say "more than". */
    public static final int COUNT_LIMIT = 10_000;

    /** A page whose total is exact. */
    public PageResponse(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }

    /**
     * How many items a capped count must look for to answer a page: {@link #COUNT_LIMIT} or the end of the page,
     * whichever is further, plus one (which tells whether there are more).
     */
    public static long countUpTo(PageRequest request) {
        return Math.max(COUNT_LIMIT, request.offset() + request.size()) + 1;
    }

    /**
     * A page whose total was counted up to {@link #countUpTo}: {@code counted} below that limit is exact, otherwise
     * the total is "more than limit - 1".
     */
    public static <T> PageResponse<T> counted(List<T> items, PageRequest request, long counted) {
        long limit = countUpTo(request);
        return counted < limit ? new PageResponse<>(items, request.page(), request.size(), counted, true)
                : new PageResponse<>(items, request.page(), request.size(), limit - 1, false);
    }

    /**
     * As {@link #counted(List, PageRequest, long)}, counting only when the page does not tell its total itself: a page
     * shorter than its size (not beyond the end) is the last one, so the total is its offset plus its items, and the
     * count (a statement reading up to {@link #countUpTo} index entries) is not run.
     */
    public static <T> PageResponse<T> counted(List<T> items, PageRequest request, java.util.function.LongSupplier count) {
        boolean last = items.size() < request.size() && (!items.isEmpty() || request.offset() == 0);
        return last ? new PageResponse<>(items, request.page(), request.size(), request.offset() + items.size(), true)
                : counted(items, request, count.getAsLong());
    }

    /** Whether a next page exists. */
    public boolean hasNext() {
        return !totalExact || (long) (page + 1) * size < total;
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, total, totalExact);
    }
}
