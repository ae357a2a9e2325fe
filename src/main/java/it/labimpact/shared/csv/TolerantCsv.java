package it.labimpact.shared.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV as people produce it: UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 (Italian
 * Excel's "CSV (separato dal separatore di elenco)"), separated by {@code ;}, {@code ,} or tab,
 * blank trailing rows ignored. Header names are matched case-, accent- and punctuation-insensitively.
 */
public final class TolerantCsv {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TolerantCsv() {
    }

    /** Reads the whole upload; throws {@link CsvFormatException} when it is not a CSV table. */
    public static CsvTable read(byte[] bytes) {
        if (bytes.length == 0) {
            throw new CsvFormatException("csv.error.empty");
        }
        Charset charset = detectCharset(bytes);
        boolean utf16 = charset == StandardCharsets.UTF_16LE || charset == StandardCharsets.UTF_16BE;
        if (!utf16 && containsNul(bytes)) {
            throw new CsvFormatException("csv.error.binary");
        }
        String text = decode(bytes, charset);
        if (text.indexOf('\0') >= 0) {
            throw new CsvFormatException("csv.error.binary");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        if (firstLine.isBlank()) {
            throw new CsvFormatException("csv.error.noHeader");
        }
        char delimiter = detectDelimiter(firstLine);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<CSVRecord> records = parser.getRecords();
            List<String> headers = records.get(0).stream().map(TolerantCsv::normalise).toList();
            List<CsvTable.Row> rows = new ArrayList<>();
            LineCounter lines = new LineCounter(text);
            for (CSVRecord record : records.subList(1, records.size())) {
                if (record.stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < headers.size() && i < record.size(); i++) {
                    values.putIfAbsent(headers.get(i), record.get(i));
                }
                rows.add(new CsvTable.Row(lines.lineAt(record.getCharacterPosition()), values));
            }
            return new CsvTable(charset, delimiter, headers, List.copyOf(rows));
        } catch (IOException | RuntimeException e) {
            if (e instanceof CsvFormatException cfe) {
                throw cfe;
            }
            throw new CsvFormatException("csv.error.malformed");
        }
    }

    /** Lower case, no accents, no spaces or punctuation: "Codice ISTAT" and "codice_istat" match. */
    public static String normalise(String header) {
        String s = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return s.replaceAll("[^a-z0-9]", "");
    }

    static Charset detectCharset(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }

    private static String decode(byte[] bytes, Charset charset) {
        int skip = charset == StandardCharsets.UTF_16LE || charset == StandardCharsets.UTF_16BE ? 2 : 0;
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new CsvFormatException("csv.error.encoding");
        }
    }

    private static char detectDelimiter(String headerLine) {
        char best = ',';
        long bestCount = 0;
        for (char c : new char[] {';', ',', '\t'}) {
            long n = headerLine.chars().filter(ch -> ch == c).count();
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The 1-based line in the text where a record starts, counting empty lines the parser skipped and line
     * breaks inside quoted values. Positions must be asked in increasing order.
     */
    private static final class LineCounter {
        private final String text;
        private int position;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int lineAt(long recordStart) {
            int target = (int) recordStart;
            while (target < text.length() && (text.charAt(target) == '\r' || text.charAt(target) == '\n')) {
                target++; // empty lines skipped before the record
            }
            for (; position < target; position++) {
                char c = text.charAt(position);
                if (c == '\n' || (c == '\r' && (position + 1 >= text.length() || text.charAt(position + 1) != '\n'))) {
                    line++;
                }
            }
            return line;
        }
    }

    /** Wraps an I/O failure reading an upload. */
    public static byte[] bytesOf(org.springframework.core.io.InputStreamSource source) {
        try (var in = source.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
