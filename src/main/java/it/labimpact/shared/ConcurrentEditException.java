package it.labimpact.shared;

/**
 * Somebody else changed the record since it was read (optimistic locking on its {@code version}).
 * Pages show it as a form error, the API as HTTP 409.
 */
public class ConcurrentEditException extends RuntimeException {

    public ConcurrentEditException(String recordType, Object id) {
        super(recordType + " " + id + " was changed by someone else: reload it and apply your change again");
    }
}
