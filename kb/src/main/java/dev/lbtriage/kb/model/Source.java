package dev.lbtriage.kb.model;

/**
 * Where a KB entry was read from.
 *
 * @param file the resource path, e.g. {@code kb/probe-down.yaml}
 */
public record Source(String file) {}
