package it.labimpact.cooperation;

/** How people take part in a meeting: in person (a place), online (a link) or both. */
public enum MeetingMode {
    IN_PERSON, ONLINE, HYBRID
}
