package it.labimpact.shared;

/**
 * The record does not exist, or the actor may not see it: both answer 404 so that ids cannot be probed.
 */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String recordType, Object id) {
        super(recordType + " " + id + " not found");
    }
}
