package it.labimpact.cooperation;

/** A file attached to a meeting, with its content, for download. */
public record MeetingFileContent(String filename, String contentType, byte[] content) {
}
