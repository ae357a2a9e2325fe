package it.labimpact.participant;

/**
 * A chunk of upload rows ({@link ParticipantRegistry.Intake#batch}) could not be written as checked: another
 * transaction registered one of its persons (or made one of its enrolments) since the chunk was read. Nothing of the
 * chunk is written; the caller rolls it back (to a savepoint, or the whole transaction) and may check it again.
 */
public class RegisteredMeanwhileException extends RuntimeException {

    RegisteredMeanwhileException(String message) {
        super(message);
    }
}
