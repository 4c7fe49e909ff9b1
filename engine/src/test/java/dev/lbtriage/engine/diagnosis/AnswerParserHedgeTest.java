package dev.lbtriage.engine.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Question;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hedged answers are read as what they lean to, to be confirmed; plain answers are not hedges. */
class AnswerParserHedgeTest {
  static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I think so|yes", "probably|yes", "Probably.|yes", "I guess|yes", "i guess so, IIS was up this morning|yes",
      "should be listening|yes", "I think it is|yes",
      "probably not|no", "I don't think so|no", "likely not|no", "I think it doesn't|no", "I doubt it|no",
      "not sure|unknown", "maybe|unknown", "I'm not sure|unknown"})
  void a_hedge_leans_but_is_not_an_answer(String text, String leans) {
    Question q = KB.question("vm-responds").orElseThrow();
    assertThat(AnswerParser.hedge(q, text)).hasValueSatisfying(h -> {
      assertThat(h.likely()).isEqualTo(leans);
      assertThat(h.words()).isEqualTo(text.strip());
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"yes", "no", "nope", "it shows LISTENING", "I don't know", "yes, it answers a TCP ping on 172.18.0.5:80",
      "probablyx"})
  void a_plain_answer_is_no_hedge(String text) {
    assertThat(AnswerParser.hedge(KB.question("vm-responds").orElseThrow(), text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"probably 10.0.0.5", "I think so"})
  void only_uncertainty_hedges_an_address(String text) {
    assertThat(AnswerParser.hedge(KB.question("client-ip").orElseThrow(), text)).isEmpty();
    assertThat(AnswerParser.hedge(KB.question("client-ip").orElseThrow(), "not sure")).isPresent();
  }
}
