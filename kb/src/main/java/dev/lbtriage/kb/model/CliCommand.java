package dev.lbtriage.kb.model;

/**
 * A command to paste, with placeholders such as {@code {resourceGroup}} filled in from facts.
 *
 * @param description what it does, in one line
 * @param command the command text
 * @param when the condition under which it applies, null when always
 * @param fix true when running it fixes the cause (the headline shows it); false for a look or a check
 */
public record CliCommand(String description, String command, Condition when, boolean fix) {
  public CliCommand(String description, String command) {
    this(description, command, null, false);
  }
}
