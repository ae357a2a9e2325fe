package it.labimpact.imports;

/** The whole file is refused before any row is checked (too large, too many rows, unreadable, missing column). */
class FileRefused extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    FileRefused(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args;
    }
}
