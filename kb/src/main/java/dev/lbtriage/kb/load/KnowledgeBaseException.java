package dev.lbtriage.kb.load;

import java.util.List;

/**
 * The knowledge base could not be loaded. Carries every problem found, not just the first; the
 * message lists them one a line as {@code file:line: what is wrong}.
 */
public final class KnowledgeBaseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public KnowledgeBaseException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order the files were read. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(List<Problem> problems) {
    StringBuilder sb = new StringBuilder("invalid knowledge base (")
        .append(problems.size())
        .append(problems.size() == 1 ? " problem):" : " problems):");
    for (Problem p : problems) {
      sb.append(System.lineSeparator()).append("  ").append(p);
    }
    return sb.toString();
  }
}
