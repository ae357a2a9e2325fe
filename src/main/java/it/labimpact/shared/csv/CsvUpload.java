package it.labimpact.shared.csv;

/**
 * An uploaded CSV, read and checked for its required columns: either a table to validate row by row, or
 * the rejection to hand back as it is (unreadable file, missing column).
 */
public record CsvUpload(CsvTable table, ImportReport rejection) {

    /** Reads {@code file}; each array of {@code required} lists the accepted names of one column. */
    public static CsvUpload open(byte[] file, String[]... required) {
        CsvTable table;
        try {
            table = TolerantCsv.read(file);
        } catch (CsvFormatException e) {
            return new CsvUpload(null, ImportReport.unreadable(e.messageKey()));
        }
        ImportReport.Builder report = new ImportReport.Builder();
        for (String[] names : required) {
            if (table.column(names).isEmpty()) {
                report.problem(0, names[0], null, "import.missingColumn", names[0], String.join(", ", names));
            }
        }
        return report.hasProblems() ? new CsvUpload(null, report.rejected(table.rows().size()))
                : new CsvUpload(table, null);
    }

    public boolean rejected() {
        return rejection != null;
    }
}
