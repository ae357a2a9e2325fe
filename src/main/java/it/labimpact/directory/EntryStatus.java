package it.labimpact.directory;

/** Where an entry is in the editorial workflow; only {@link #PUBLISHED} entries are public. */
public enum EntryStatus { DRAFT, PUBLISHED, UNPUBLISHED }
