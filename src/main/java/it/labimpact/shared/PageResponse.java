package it.labimpact.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every API list returns it: {@code {"items": [...], "page": 0, "size": 50, "total": N}}.
 */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    /** Largest page a client may ask for. */
    public static final int MAX_SIZE = 500;

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
