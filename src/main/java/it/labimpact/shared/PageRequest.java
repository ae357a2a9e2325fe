package it.labimpact.shared;

/** A page asked for by a client, clamped to sane bounds. */
public record PageRequest(int page, int size) {

    public PageRequest {
        page = Math.max(0, page);
        size = Math.min(PageResponse.MAX_SIZE, Math.max(1, size));
    }

    public long offset() {
        return (long) page * size;
    }
}
