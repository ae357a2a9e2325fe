package it.labimpact.cooperation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The document types an agreement may carry, recognised from the bytes, whatever the file's name or the type the
 * browser declared: PDF ({@code %PDF-}), OpenDocument text (a ZIP whose first entry is {@code mimetype} holding
 * the ODT type, as the standard requires) and Word DOCX (a ZIP with {@code word/document.xml}).
 */
enum AgreementDocumentType {

    PDF("application/pdf", "pdf"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** Entries looked at before giving up on a ZIP: a real DOCX names its main part early. */
    private static final int MAX_ENTRIES = 200;

    private final String contentType;
    private final String extension;

    AgreementDocumentType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    /** The type the bytes show, or empty when they are none of the accepted types. */
    static Optional<AgreementDocumentType> of(byte[] bytes) {
        if (startsWith(bytes, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (!startsWith(bytes, ZIP_MAGIC)) {
            return Optional.empty();
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry = zip.getNextEntry();
            if (entry != null && entry.getName().equals("mimetype")) {
                String mime = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).strip();
                return mime.equals(ODT.contentType) ? Optional.of(ODT) : Optional.empty();
            }
            for (int n = 0; entry != null && n < MAX_ENTRIES; n++, entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    return Optional.of(DOCX);
                }
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A safe file name for download: the last part of what was uploaded, without control characters, quotes or
     * path separators, with the extension of the type found.
     */
    String fileName(String uploaded) {
        String name = uploaded == null ? "" : uploaded.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>:|?*;]", "_").strip();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (base.isBlank()) {
            base = "accordo";
        }
        if (base.length() > 120) {
            base = base.substring(0, 120);
        }
        return base + "." + extension;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
