package dev.lbtriage.kb.model;

/** How a cause is told apart: from a fact Azure gives, or by asking the user. */
public sealed interface Check permits Check.Automatic, Check.Manual {

  /** What the check looks at, in one line. */
  String description();

  /**
   * Decided from a fact without asking.
   *
   * @param fact the fact it needs, by its name in {@link FactName}
   */
  record Automatic(FactName fact, String description) implements Check {}

  /**
   * Asked of the user when no fact decides it.
   *
   * @param question the id of a {@link Question} of the same symptom
   */
  record Manual(String question, String description) implements Check {}
}
