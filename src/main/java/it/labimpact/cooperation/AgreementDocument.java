package it.labimpact.cooperation;

/** An agreement's document, for download: its name, the content type its bytes show, the bytes. */
public record AgreementDocument(String fileName, String contentType, byte[] content) {
}
