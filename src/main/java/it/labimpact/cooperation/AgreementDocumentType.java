package it.labimpact.cooperation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The document types an agreement may carry, recognised from the bytes by {@link FileTypes}, whatever the file's
 * name or the type the browser declared: PDF, OpenDocument text and Word DOCX.
 */
enum AgreementDocumentType {

    PDF("application/pdf", "pdf"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

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

    /** The type the bytes show ({@link FileTypes}), or empty when they are none of the accepted types. */
    static Optional<AgreementDocumentType> of(byte[] bytes) {
        return FileTypes.detect(bytes).flatMap(type -> Arrays.stream(values())
                .filter(t -> t.contentType.equals(type)).findFirst());
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
}
