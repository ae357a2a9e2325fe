package it.labimpact.directory;

/** The state of one text in one language: visitors read only {@link #REVIEWED} translations (Italian always). */
public enum TranslationState { MISSING, DRAFT, REVIEWED }
