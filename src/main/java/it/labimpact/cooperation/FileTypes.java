package it.labimpact.cooperation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The type of an attached file (meeting minutes, an agreement's document), read from its bytes — never from its
 * name or the type the browser sent: PDF, DOCX, ODT, PNG, JPEG, WebP. Anything else (HTML, SVG, scripts,
 * executables, other archives) has no type here and is refused.
 */
final class FileTypes {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String WEBP = "image/webp";

    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;

    private FileTypes() {
    }

    /** The content type of {@code bytes}, or empty when it is not one of the accepted types. */
    static Optional<String> detect(byte[] bytes) {
        if (startsWith(bytes, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(bytes, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && startsWith(bytes, 8, "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(WEBP);
        }
        if (startsWith(bytes, 0, new byte[] {'P', 'K', 3, 4})) {
            return office(bytes);
        }
        return Optional.empty();
    }

    /**
     * An ODF text starts with an uncompressed {@code mimetype} entry naming its type (ODF 1.2, part 3, 3.3); a DOCX
     * lists {@code [Content_Types].xml} and {@code word/document.xml} in the archive's central directory.
     */
    private static Optional<String> office(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length > 38) {
            int nameLength = b.getShort(26) & 0xffff;
            int extraLength = b.getShort(28) & 0xffff;
            if (nameLength == 8 && startsWith(bytes, 30, "mimetype".getBytes(StandardCharsets.US_ASCII))
                    && startsWith(bytes, 38 + extraLength, ODT.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(ODT);
            }
        }
        Set<String> names = centralDirectoryNames(b);
        return names.contains("[Content_Types].xml") && names.contains("word/document.xml")
                ? Optional.of(DOCX) : Optional.empty();
    }

    /** The entry names of a ZIP archive, from its central directory; empty when the archive is malformed. */
    private static Set<String> centralDirectoryNames(ByteBuffer b) {
        Set<String> names = new HashSet<>();
        int end = -1;
        for (int i = b.limit() - 22; i >= Math.max(0, b.limit() - 22 - 65535); i--) {
            if (b.getInt(i) == EOCD_SIGNATURE) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return names;
        }
        int entries = b.getShort(end + 10) & 0xffff;
        long offset = b.getInt(end + 16) & 0xffffffffL;
        int p = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int i = 0; i < entries && p >= 0 && p + 46 <= b.limit() && b.getInt(p) == CENTRAL_SIGNATURE; i++) {
            int nameLength = b.getShort(p + 28) & 0xffff;
            int extraLength = b.getShort(p + 30) & 0xffff;
            int commentLength = b.getShort(p + 32) & 0xffff;
            if (p + 46 + nameLength > b.limit()) {
                break;
            }
            byte[] name = new byte[nameLength];
            b.get(p + 46, name);
            names.add(new String(name, StandardCharsets.UTF_8));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (at < 0 || bytes.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
