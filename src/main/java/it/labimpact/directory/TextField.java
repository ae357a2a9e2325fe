package it.labimpact.directory;

/** The translatable texts of an entry; {@link #column()} is the name stored in {@code directory_text.field}. */
public enum TextField {
    /** HSDS service.name. */
    NAME("name"),
    /** HSDS service.description. */
    DESCRIPTION("description"),
    /** For whom; HSDS service.description of eligibility audience. */
    AUDIENCE("audience"),
    /** HSDS service.eligibility_description. */
    ELIGIBILITY("eligibility"),
    /** HSDS service.fees_description / cost_option. */
    COST("cost"),
    /** HSDS required_document. */
    DOCUMENTS("documents"),
    /** How to register (events, courses); HSDS service.application_process. */
    REGISTRATION("registration"),
    /** A note on the opening hours; HSDS schedule.description. */
    HOURS_NOTE("hours_note");

    private final String column;

    TextField(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static TextField ofColumn(String column) {
        for (TextField f : values()) {
            if (f.column.equals(column)) {
                return f;
            }
        }
        throw new IllegalArgumentException(column);
    }
}
