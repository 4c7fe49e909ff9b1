package dev.lbtriage.kb.model;

/**
 * One step of a cause's resolution.
 *
 * @param text may hold placeholders such as {@code {probePort}}
 * @param when the condition under which it applies, null when always
 */
public record ResolutionStep(String text, Condition when) {
  public ResolutionStep(String text) {
    this(text, null);
  }
}
