package it.labimpact.cooperation;

import java.time.Instant;

/** A file attached to a meeting's minutes, without its content. */
public record MeetingFile(long id, String filename, String contentType, int size, String uploadedBy,
        Instant uploadedAt) {

    /** The short name of the file's format (PDF, DOCX, ODT, PNG, JPEG, WEBP). */
    public String format() {
        return switch (contentType) {
            case FileTypes.PDF -> "PDF";
            case FileTypes.DOCX -> "DOCX";
            case FileTypes.ODT -> "ODT";
            case FileTypes.PNG -> "PNG";
            case FileTypes.JPEG -> "JPEG";
            default -> "WEBP";
        };
    }
}
