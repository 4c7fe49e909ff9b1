package dev.lbtriage.engine.conversation;

import java.util.Optional;

/** Refuses lines no person types: too long, or binary (control characters, NUL, replacement marks). */
final class InputGuard {
  /** Longest line read. */
  static final int MAX_LENGTH = 4_000;

  private InputGuard() {}

  /** Why the line is refused, or empty when it may be read. */
  static Optional<String> refusal(String line) {
    if (line == null || line.isBlank()) {
      return Optional.of("That message is empty.");
    }
    if (line.length() > MAX_LENGTH) {
      return Optional.of("That message is " + line.length() + " characters long; I read at most " + MAX_LENGTH
          + ". Please describe it in a few sentences (paste logs into the support case instead).");
    }
    int odd = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean control = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
      if (control || c == '\uFFFD' || (Character.isSurrogate(c) && !validSurrogate(line, i))) {
        odd++;
      }
    }
    if (odd > 0) {
      return Optional.of("That message holds " + odd + " control or binary character" + (odd == 1 ? "" : "s")
          + "; I only read plain text.");
    }
    return Optional.empty();
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
