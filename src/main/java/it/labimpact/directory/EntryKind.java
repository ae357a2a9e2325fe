package it.labimpact.directory;

/** What an entry is: a service (HSDS service) or a public event (an extension of HSDS). */
public enum EntryKind { SERVICE, EVENT }
