package it.labimpact.participant;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One language of one version of the privacy notice shown at registration. */
public record PrivacyNotice(int version, String language, String body, Instant publishedAt, String publishedBy) {

    /** The day it was published, in Italian time. */
    public java.time.LocalDate publishedOn() {
        return java.time.LocalDate.ofInstant(publishedAt, java.time.ZoneId.of("Europe/Rome"));
    }

    /** The text split into paragraphs at blank lines. */
    public List<String> paragraphs() {
        return Arrays.stream(body.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
