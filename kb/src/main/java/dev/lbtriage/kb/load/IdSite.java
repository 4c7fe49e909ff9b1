package dev.lbtriage.kb.load;

/**
 * Where an id was declared, to report duplicates across files.
 *
 * @param kind symptom, cause, question or capture
 */
record IdSite(String kind, String id, String file, int line) {}
