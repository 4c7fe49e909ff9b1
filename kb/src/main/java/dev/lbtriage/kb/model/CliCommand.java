package dev.lbtriage.kb.model;

/**
 * A command to paste, with placeholders such as {@code {resourceGroup}} filled in from facts.
 *
 * @param description what it does, in one line
 * @param command the command text
 */
public record CliCommand(String description, String command) {}
