package dev.lbtriage.engine.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.Question;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reliability suite, answer parser (issue 19), through its public API only: seeded answers to every bundled
 * question (words it knows, addresses and ports valid and not, control characters, right-to-left and astral
 * characters, overlong text). None throws; every refusal is one short line saying what was expected, quoting at
 * most a short prefix of the text. The figures go to {@code target/reliability/answer-parser.txt}.
 */
class AnswerParserFuzzTest {

  static final long SEED = 2019;
  static final int INPUTS = 10_000;
  static final List<String> PIECES = List.of("yes", "no", "I don't know", "idk", "10.0.1.5", "10.0.0.300", "::1", "fe80::1%eth0",
      "2001:db8::zz", "80", "65535", "65536", "0", "-1", "443/tcp", "port", "listening", "not", "?", "\u0000", "\n", "\r\n", "\u001b[2J",
      "\u202e", "\uD83D\uDE00", "\uD800", "\t", " ", "1.2.3.4.5", "999999999999999999999", "'", "\"", "\\", "%s", "${jndi:x}", "<script>");

  @Test
  void no_answer_throws_and_every_refusal_is_one_short_line_naming_what_was_expected() throws IOException {
    List<Question> questions = KnowledgeBaseLoader.loadBundled().questions().toList();
    assertThat(questions).isNotEmpty();
    Random rnd = new Random(SEED);
    int accepted = 0;
    int refused = 0;
    int uncaught = 0;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < INPUTS; i++) {
      Question q = questions.get(rnd.nextInt(questions.size()));
      String raw = answer(rnd);
      AnswerParser.Result r;
      try {
        r = AnswerParser.parse(q, raw);
      } catch (RuntimeException e) {
        uncaught++;
        if (failures.size() < 5) {
          failures.add(q.id() + " <- " + raw.length() + " chars: " + e);
        }
        continue;
      }
      if (r instanceof AnswerParser.Refused refusal) {
        refused++;
        assertThat(refusal.reason()).as("refusal of %s", q.id()).isNotBlank().doesNotContain("\n").doesNotContain("\r")
            .hasSizeLessThan(400).contains(AnswerParser.accepted(q.answer()));
      } else {
        accepted++;
        assertThat(((AnswerParser.Accepted) r).answer().question()).isEqualTo(q.id());
      }
    }
    String figures = "Answer parser: " + INPUTS + " generated answers to " + questions.size() + " questions, " + uncaught
        + " uncaught exceptions, " + accepted + " accepted, " + refused + " refused with one line saying what was expected (seed " + SEED + ")";
    System.out.println(figures);
    Path out = Path.of("target", "reliability", "answer-parser.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, figures + System.lineSeparator());
    assertThat(uncaught).as("uncaught exceptions, e.g. %s", failures).isZero();
  }

  static String answer(Random rnd) {
    int kind = rnd.nextInt(20);
    if (kind == 0) {
      return "x".repeat(AnswerParser.MAX_LENGTH - 5 + rnd.nextInt(10));
    }
    if (kind == 1) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 1 + rnd.nextInt(200); i++) {
        b.append((char) rnd.nextInt(0x10000));
      }
      return b.toString();
    }
    StringBuilder b = new StringBuilder();
    int n = 1 + rnd.nextInt(6);
    for (int i = 0; i < n; i++) {
      b.append(PIECES.get(rnd.nextInt(PIECES.size())));
      if (rnd.nextBoolean()) {
        b.append(' ');
      }
    }
    return b.toString();
  }
}
