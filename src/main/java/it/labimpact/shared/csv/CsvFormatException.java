package it.labimpact.shared.csv;

/** The upload cannot be read as a CSV table at all (binary, empty, no header). */
public class CsvFormatException extends RuntimeException {

    private final String messageKey;

    public CsvFormatException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    /** Message key in {@code messages/shared}. */
    public String messageKey() {
        return messageKey;
    }
}
