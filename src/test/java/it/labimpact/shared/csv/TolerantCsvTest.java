package it.labimpact.shared.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TolerantCsvTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    // --- encodings ---

    @Test
    void readsPlainUtf8WithAccentedNames() {
        CsvTable table = TolerantCsv.read("istat_code,name\n013041,Cantù\n".getBytes(StandardCharsets.UTF_8));

        assertThat(table.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0).get("name")).contains("Cantù");
    }

    @Test
    void readsUtf8WithByteOrderMarkWithoutLeakingTheMarkIntoTheFirstHeader() {
        byte[] file = concat(UTF8_BOM, "istat_code;name\n013041;Cantù\n".getBytes(StandardCharsets.UTF_8));

        CsvTable table = TolerantCsv.read(file);

        assertThat(table.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(table.headers()).containsExactly("istatcode", "name");
        assertThat(table.rows().get(0).get("istat_code")).contains("013041");
        assertThat(table.rows().get(0).get("name")).contains("Cantù");
    }

    @Test
    void readsSemicolonSeparatedWindows1252FromItalianExcel() {
        byte[] file = "Codice ISTAT;Denominazione;Città capoluogo\r\n013041;Cantù;Sì\r\n017028;Breno;No\r\n"
                .getBytes(WINDOWS_1252);
        assertThat(file).contains((byte) 0xF9); // ù is one byte in cp1252, invalid as UTF-8

        CsvTable table = TolerantCsv.read(file);

        assertThat(table.charset()).isEqualTo(WINDOWS_1252);
        assertThat(table.delimiter()).isEqualTo(';');
        assertThat(table.headers()).containsExactly("codiceistat", "denominazione", "cittacapoluogo");
        assertThat(table.rows()).extracting(r -> r.get("denominazione").orElseThrow())
                .containsExactly("Cantù", "Breno");
        assertThat(table.rows().get(0).get("citta_capoluogo")).contains("Sì");
    }

    @Test
    void decodesWindows1252OnlyCharactersLikeTheEuroSignAndCurlyQuotes() {
        byte[] file = "nome;nota\nCantù;\u201Ccosto 5\u20AC\u201D\n".getBytes(WINDOWS_1252);

        CsvTable table = TolerantCsv.read(file);

        assertThat(table.rows().get(0).get("nota")).contains("\u201Ccosto 5\u20AC\u201D");
    }

    @Test
    void readsUtf16LittleEndianWithByteOrderMarkAsExcelSavesUnicodeText() {
        byte[] file = concat(UTF16LE_BOM,
                "Codice ISTAT\tNome\r\n013041\tCantù\r\n015146\tMilano\r\n".getBytes(StandardCharsets.UTF_16LE));

        CsvTable table = TolerantCsv.read(file);

        assertThat(table.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(table.delimiter()).isEqualTo('\t');
        assertThat(table.headers()).containsExactly("codiceistat", "nome");
        assertThat(table.rows()).extracting(r -> r.get("codice_istat").orElseThrow() + "=" + r.get("nome").orElseThrow())
                .containsExactly("013041=Cantù", "015146=Milano");
    }

    @Test
    void readsUtf16BigEndianWithByteOrderMark() {
        byte[] file = concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                "istat_code;name\n013041;Cantù\n".getBytes(StandardCharsets.UTF_16BE));

        CsvTable table = TolerantCsv.read(file);

        assertThat(table.charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(table.rows().get(0).get("name")).contains("Cantù");
    }

    // --- separators ---

    @Test
    void detectsSemicolonCommaAndTabFromTheHeaderLine() {
        assertThat(TolerantCsv.read(utf8("a;b;c\n1;2;3\n")).delimiter()).isEqualTo(';');
        assertThat(TolerantCsv.read(utf8("a,b,c\n1,2,3\n")).delimiter()).isEqualTo(',');
        assertThat(TolerantCsv.read(utf8("a\tb\tc\n1\t2\t3\n")).delimiter()).isEqualTo('\t');

        for (String file : List.of("a;b;c\n1;2;3\n", "a,b,c\n1,2,3\n", "a\tb\tc\n1\t2\t3\n")) {
            CsvTable table = TolerantCsv.read(utf8(file));
            assertThat(table.headers()).as(file).containsExactly("a", "b", "c");
            assertThat(table.rows().get(0).values()).as(file).containsExactly(
                    java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"), java.util.Map.entry("c", "3"));
        }
    }

    @Test
    void keepsDecimalCommasInsideSemicolonSeparatedValues() {
        CsvTable table = TolerantCsv.read(utf8("comune;quota;note\nCrema;12,5;a, b\n"));

        assertThat(table.delimiter()).isEqualTo(';');
        assertThat(table.rows().get(0).get("quota")).contains("12,5");
        assertThat(table.rows().get(0).get("note")).contains("a, b");
    }

    @Test
    void keepsSeparatorsAndDoubledQuotesInsideQuotedFields() {
        CsvTable table = TolerantCsv.read(utf8(
                "name;address\n\"Rossi; Bianchi\";\"Via \"\"Roma\"\", 1\"\n"));

        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0).get("name")).contains("Rossi; Bianchi");
        assertThat(table.rows().get(0).get("address")).contains("Via \"Roma\", 1");
    }

    @Test
    void keepsCommasInsideQuotedFieldsOfACommaSeparatedFile() {
        CsvTable table = TolerantCsv.read(utf8("name,kind\n\"Comune di Milano, Direzione Welfare\",LOCAL_AUTHORITY\n"));

        assertThat(table.rows().get(0).get("name")).contains("Comune di Milano, Direzione Welfare");
        assertThat(table.rows().get(0).get("kind")).contains("LOCAL_AUTHORITY");
    }

    // --- headers ---

    @Test
    void normalisesHeadersSoThatSpacingCaseAccentsAndPunctuationDoNotMatter() {
        assertThat(TolerantCsv.normalise("Codice ISTAT")).isEqualTo(TolerantCsv.normalise("codice_istat"))
                .isEqualTo("codiceistat");
        assertThat(TolerantCsv.normalise("  Cod. Ambito ")).isEqualTo("codambito");
        assertThat(TolerantCsv.normalise("Città")).isEqualTo("citta");
        assertThat(TolerantCsv.normalise("ANNO")).isEqualTo("anno");
        assertThat(TolerantCsv.normalise(null)).isEmpty();
    }

    @Test
    void findsAColumnByAnyOfItsAliasesWhateverTheSpellingInTheFile() {
        CsvTable table = TolerantCsv.read(utf8("Codice ISTAT;Codice-Ambito\n015146;A1\n"));

        assertThat(table.column("istat_code", "codice_istat")).contains("codiceistat");
        assertThat(table.column("ambito_code", "codice_ambito")).contains("codiceambito");
        assertThat(table.column("year", "anno")).isEmpty();
        assertThat(table.rows().get(0).get("istat_code", "codice_istat")).contains("015146");
    }

    @Test
    void valuesAreTrimmedAndBlankValuesCountAsMissing() {
        CsvTable table = TolerantCsv.read(utf8("istat;name;year\n  015146 ;   ; 2024\n"));

        CsvTable.Row row = table.rows().get(0);
        assertThat(row.get("istat")).contains("015146");
        assertThat(row.get("name")).isEmpty();
        assertThat(row.get("year")).contains("2024");
        assertThat(row.get("name", "year")).contains("2024");
    }

    // --- rows and line numbers ---

    @Test
    void ignoresBlankTrailingRowsAsExcelLeavesThem() {
        CsvTable table = TolerantCsv.read(utf8("istat;name\r\n015146;Milano\r\n017078;Ghedi\r\n;\r\n;\r\n   ;  \r\n\r\n\r\n"));

        assertThat(table.rows()).extracting(r -> r.get("name").orElseThrow()).containsExactly("Milano", "Ghedi");
    }

    @Test
    void numbersRowsByTheirLineInTheFileWithTheHeaderAsLineOne() {
        CsvTable table = TolerantCsv.read(utf8("istat;name\n015146;Milano\n017078;Ghedi\n;\n017028;Breno\n"));

        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 3, 5);
    }

    @Test
    void lineNumbersStillMatchTheFileAfterAnEmptyLineInTheMiddle() {
        CsvTable table = TolerantCsv.read(utf8("istat;name\n015146;Milano\n\n017078;Ghedi\r\n\r\n\r\n017028;Breno\n"));

        assertThat(table.rows()).extracting(r -> r.get("name").orElseThrow() + "@" + r.line())
                .containsExactly("Milano@2", "Ghedi@4", "Breno@7");
    }

    @Test
    void lineNumbersStillMatchTheFileAfterAQuotedValueSpanningTwoLines() {
        CsvTable table = TolerantCsv.read(utf8("name;address\nA;\"Via Roma 1\nMilano\"\nB;Via Po 2\n"));

        assertThat(table.rows().get(0).get("address")).contains("Via Roma 1\nMilano");
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 4);
    }

    @Test
    void aHeaderOnlyFileHasNoRows() {
        CsvTable table = TolerantCsv.read(utf8("istat_code;ambito_code;ambito_name\n"));

        assertThat(table.headers()).containsExactly("istatcode", "ambitocode", "ambitoname");
        assertThat(table.rows()).isEmpty();
    }

    // --- files that are not CSV tables ---

    @Test
    void refusesAnEmptyFile() {
        assertThat(formatError(new byte[0])).isEqualTo("csv.error.empty");
    }

    @Test
    void refusesAFileWhoseFirstLineIsBlank() {
        assertThat(formatError(utf8("\n\n"))).isEqualTo("csv.error.noHeader");
        assertThat(formatError(UTF8_BOM)).isEqualTo("csv.error.noHeader");
    }

    @Test
    void refusesABinaryFileWithNulBytesAsBinary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

        assertThat(formatError(png)).isEqualTo("csv.error.binary");
    }

    @Test
    void refusesAnExcelWorkbookAsBinaryEvenWhenItsBytesAreNotWindows1252() {
        // An .xlsx is a zip: "PK\3\4", NUL bytes, then compressed data with bytes cp1252 leaves undefined (0x81).
        byte[] xlsx = {'P', 'K', 3, 4, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0, (byte) 0x81, (byte) 0x8D, 'x', 'l', '/'};

        assertThat(formatError(xlsx)).isEqualTo("csv.error.binary");
    }

    @Test
    void refusesTextThatIsNeitherUtf8NorWindows1252AsAnEncodingProblem() {
        byte[] file = concat(utf8("istat;name\n015146;"), new byte[] {(byte) 0x81, (byte) 0x8D}, utf8("\n"));

        assertThat(formatError(file)).isEqualTo("csv.error.encoding");
    }

    @Test
    void refusesAnUnclosedQuoteAsMalformed() {
        assertThat(formatError(utf8("name;address\nA;\"Via Roma 1\nB;Via Po 2\n"))).isEqualTo("csv.error.malformed");
    }

    // --- helpers ---

    private static String formatError(byte[] file) {
        CsvFormatException e = catchThrowableOfType(CsvFormatException.class, () -> TolerantCsv.read(file));
        assertThat(e).as("a CsvFormatException").isNotNull();
        assertThat(e.getMessage()).isEqualTo(e.messageKey());
        return e.messageKey();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
