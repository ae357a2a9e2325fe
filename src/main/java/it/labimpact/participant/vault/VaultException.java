package it.labimpact.participant.vault;

/** A sealed value could not be opened: wrong key, wrong record or field, or tampered bytes. */
public class VaultException extends RuntimeException {

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
