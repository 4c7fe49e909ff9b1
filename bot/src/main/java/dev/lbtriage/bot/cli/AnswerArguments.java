package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.diagnosis.AnswerParser;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.rules.diagnosis.Answer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code --answer QUESTION=VALUE} arguments of {@code diagnose} and {@code bundle}, parsed as the chat parses answers. */
final class AnswerArguments {
  private AnswerArguments() {}

  /**
   * @return the answers by question id, in the order given (a question given twice keeps the last value)
   * @throws BadInputException naming the argument when it is not QUESTION=VALUE, the question is unknown, or the value is refused
   */
  static Map<String, Answer> parse(List<String> answers, KnowledgeBase kb) {
    Map<String, Answer> byQuestion = new LinkedHashMap<>();
    for (String a : answers) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new BadInputException("--answer '" + a + "' is not QUESTION=VALUE (e.g. probe-port-listening=no)");
      }
      String id = a.substring(0, eq).trim();
      Question q = kb.question(id).orElseThrow(() -> new BadInputException("--answer: unknown question '" + id + "'; known: "
          + kb.questions().map(Question::id).collect(Collectors.joining(", "))));
      AnswerParser.Result r = AnswerParser.parse(q, a.substring(eq + 1));
      if (r instanceof AnswerParser.Refused refused) {
        throw new BadInputException("--answer " + id + ": " + refused.reason());
      }
      byQuestion.put(id, ((AnswerParser.Accepted) r).answer());
    }
    return byQuestion;
  }
}
