package it.labimpact.imports;

/** A row's refusal, thrown while a handler checks it and turned into the row's note (rolls back its savepoint). */
final class RowRefused extends RuntimeException {

    private final transient ImportNote note;

    RowRefused(int line, ImportColumn column, String key, Object... args) {
        super(key, null, false, false);
        this.note = RowHandler.note(line, ImportNote.Outcome.REJECTED, column, key, args);
    }

    ImportNote note() {
        return note;
    }
}
