package dev.lbtriage.engine.diagnosis;

import dev.lbtriage.kb.model.AnswerKind;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.rules.diagnosis.Answer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a person's answer to a KB question: "yes", "nope", "it shows LISTENING", "I don't know",
 * an IP address inside a sentence, a port. Anything else is refused with the accepted forms, so the
 * question can be asked again.
 */
public final class AnswerParser {
  /** Longest answer read; longer text is refused rather than scanned. */
  public static final int MAX_LENGTH = 2_000;

  private static final Set<String> YES = Set.of("yes", "y", "yeah", "yep", "yup", "sure", "true", "ok", "correct",
      "affirmative", "it does", "it is", "they do", "listening", "allowed", "allows", "open", "responds", "ja", "oui", "si");
  private static final Set<String> NO = Set.of("no", "n", "nope", "nah", "false", "negative", "it does not", "it doesn't",
      "it isn't", "not listening", "blocked", "closed", "denied", "nothing", "none", "not", "doesn't", "does not", "nein", "non");
  private static final Set<String> UNKNOWN = Set.of("i don't know", "i dont know", "don't know", "dont know", "dunno",
      "idk", "not sure", "unknown", "no idea", "skip", "?", "can't tell", "cannot tell", "can't check", "unsure", "pass");
  private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?![\\d.])");
  private static final Pattern IPV6 = Pattern.compile("(?<![:\\w])([0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7})(?![:\\w])");
  private static final Pattern PORT = Pattern.compile("(?<!\\d)(\\d{1,5})(?!\\d)");

  /** Hedges that lean to no, checked before those leaning to yes ("probably not" before "probably"). */
  private static final java.util.List<String> HEDGED_NO = java.util.List.of("probably not", "i don't think so", "i dont think so",
      "i do not think so", "i doubt it", "doubt it", "unlikely", "not likely", "i think not", "i guess not", "i don't believe so",
      "i dont believe so", "probably no", "maybe not", "i don't think it does", "i dont think it does", "i don't think they do",
      "likely not", "most likely not", "probably doesn't", "probably does not", "probably isn't", "probably is not",
      "should not be", "shouldn't be", "i think it doesn't", "i think it does not", "i think it isn't", "i think it is not",
      "i guess it doesn't", "i don't believe it does");
  private static final java.util.List<String> HEDGED_YES = java.util.List.of("i think so", "i believe so", "i guess so", "i guess",
      "probably yes", "probably", "i think it does", "i think they do", "i think yes", "should be", "it should", "they should",
      "likely", "most likely", "pretty sure", "i suppose so", "i suppose", "think so", "i assume so", "presumably", "maybe yes",
      "i think it is", "i believe it does", "i believe it is");
  private static final java.util.List<String> HEDGED_UNKNOWN = java.util.List.of("not sure", "i'm not sure", "im not sure",
      "i am not sure", "maybe", "perhaps", "unsure", "not certain", "i'm not certain");

  private AnswerParser() {}

  /**
   * A hedged answer: what it leans to and the words that hedge it.
   *
   * @param likely {@code yes}, {@code no} or {@code unknown}
   * @param words the hedging words as typed, e.g. "I think so"
   */
  public record Hedge(String likely, String words) {}

  /**
   * Reads a hedged answer ("I think so", "probably not", "not sure", "I guess") to be confirmed
   * rather than taken as it is; empty when the answer is not hedged. Yes/no leanings only for a
   * yes-no question.
   */
  public static Optional<Hedge> hedge(Question q, String raw) {
    if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String text = clean(raw).replaceAll("[,;:?]+$", "");
    if (q.answer() == AnswerKind.YES_NO) {
      for (String h : HEDGED_NO) {
        if (startsWithPhrase(text, h)) {
          return Optional.of(new Hedge(Answer.NO, raw.strip()));
        }
      }
      for (String h : HEDGED_YES) {
        if (startsWithPhrase(text, h)) {
          return Optional.of(new Hedge(Answer.YES, raw.strip()));
        }
      }
    }
    for (String h : HEDGED_UNKNOWN) {
      if (startsWithPhrase(text, h)) {
        return Optional.of(new Hedge(Answer.UNKNOWN, raw.strip()));
      }
    }
    return Optional.empty();
  }

  /** A plain yes, no or "I don't know" (as {@code unknown}), hedges read as what they lean to; empty otherwise. */
  public static Optional<String> yesNoOrUnknown(String raw) {
    if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String text = clean(raw);
    if (isUnknown(text)) {
      return Optional.of(Answer.UNKNOWN);
    }
    return yesNo(text);
  }

  private static boolean startsWithPhrase(String text, String phrase) {
    return text.equals(phrase) || (text.startsWith(phrase) && !Character.isLetterOrDigit(text.charAt(phrase.length())));
  }

  /** The outcome: a normalised answer, or why the text was not understood. */
  public sealed interface Result permits Accepted, Refused {}

  public record Accepted(Answer answer) implements Result {}

  /** @param reason one line: what was expected, with examples */
  public record Refused(String reason) implements Result {}

  public static Result parse(Question q, String raw) {
    if (raw == null || raw.isBlank()) {
      return new Refused("an empty answer; " + accepted(q.answer()));
    }
    if (raw.length() > MAX_LENGTH) {
      return new Refused("an answer of " + raw.length() + " characters is too long (at most " + MAX_LENGTH + "); " + accepted(q.answer()));
    }
    String text = clean(raw);
    if (isUnknown(text)) {
      return new Accepted(new Answer(q.id(), Answer.UNKNOWN));
    }
    Optional<String> value = switch (q.answer()) {
      case YES_NO -> yesNo(text);
      case IP_ADDRESS -> ip(raw);
      case PORT -> port(text);
      case TEXT -> Optional.of(raw.strip());
    };
    return value.<Result>map(v -> new Accepted(new Answer(q.id(), v)))
        .orElseGet(() -> new Refused("'" + shorten(raw) + "' is not understood; " + accepted(q.answer())));
  }

  /** The forms an answer of this kind may take, for the re-ask. */
  public static String accepted(AnswerKind kind) {
    return switch (kind) {
      case YES_NO -> "answer yes or no (or \"I don't know\")";
      case IP_ADDRESS -> "give an IPv4 or IPv6 address such as 10.0.1.5 (or \"I don't know\")";
      case PORT -> "give a port number from 1 to 65535 (or \"I don't know\")";
      case TEXT -> "describe what you see in a few words (or \"I don't know\")";
    };
  }

  static boolean isUnknown(String text) {
    return UNKNOWN.contains(text) || text.startsWith("i don't know") || text.startsWith("i dont know")
        || text.startsWith("not sure") || text.startsWith("no idea");
  }

  private static Optional<String> yesNo(String text) {
    if (NO.contains(text) || text.startsWith("no ") || text.startsWith("no,") || text.startsWith("nope")
        || text.contains("not listening") || text.contains("doesn't") || text.contains("does not") || text.contains("isn't")
        || text.contains("is not") || text.contains("not responding") || text.contains("no response") || text.contains("timed out")
        || text.contains("blocked") || text.contains("refused") || text.startsWith("nothing")) {
      return Optional.of(Answer.NO);
    }
    if (YES.contains(text) || text.startsWith("yes") || text.startsWith("yep") || text.startsWith("yeah")
        || text.contains("listening") || text.contains("it does") || text.contains("it is") || text.contains("responds")
        || text.contains("allowed")) {
      return Optional.of(Answer.YES);
    }
    return Optional.empty();
  }

  private static Optional<String> ip(String raw) {
    Matcher m4 = IPV4.matcher(raw);
    while (m4.find()) {
      String candidate = m4.group(1);
      boolean valid = true;
      for (String part : candidate.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          valid = false;
        }
      }
      if (valid) {
        return Optional.of(candidate);
      }
    }
    Matcher m6 = IPV6.matcher(raw);
    while (m6.find()) {
      String candidate = m6.group(1);
      if (candidate.contains("::") || candidate.chars().filter(c -> c == ':').count() == 7) {
        try {
          return Optional.of(InetAddress.getByName(candidate).getHostAddress().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
          // not an address after all; keep looking
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> port(String text) {
    Matcher m = PORT.matcher(text);
    if (m.find()) {
      int p = Integer.parseInt(m.group(1));
      if (p >= 1 && p <= 65535) {
        return Optional.of(String.valueOf(p));
      }
    }
    return Optional.empty();
  }

  private static String clean(String raw) {
    return raw.strip().toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[.!]+$", "").replaceAll("\\s+", " ");
  }

  private static String shorten(String raw) {
    String s = raw.strip().replaceAll("\\p{Cntrl}", " ");
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
