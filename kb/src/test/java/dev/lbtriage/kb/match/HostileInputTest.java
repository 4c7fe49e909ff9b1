package dev.lbtriage.kb.match;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever a user pastes, the matcher ranks or says nothing matched; it never throws. */
class HostileInputTest {
  static SymptomMatcher matcher;

  @BeforeAll
  static void setUp() {
    matcher = new SymptomMatcher(KnowledgeBaseLoader.loadBundled());
  }

  static Stream<String> hostile() {
    return Stream.of(
        "",
        "   \t\n  ",
        "health:probe AND (backend OR \"unhealthy\") NOT *:* ~2 \\ ^3 [a TO z] {x} /regex/",
        "\\",
        "\"",
        "((((((((",
        "*",
        "?",
        "AND OR NOT",
        "probe~",
        "+-&&||!(){}[]^\"~*?:\\/",
        "\u0000\u0001\u0002 probe \u0000 down \u001f",
        "\uD83D\uDD25\uD83D\uDD25 health probe \uD83D\uDE31 is red \uD83D\uDEA8",
        "\uD83D\uDD25",
        "Der Lastenausgleich funktioniert nicht, alle Server sind ungesund",
        "ロードバランサーの正常性プローブが失敗しています",
        "\uFFFF\uFFFE\uD800",
        "a".repeat(300),
        "probe ".repeat(20_000),
        "x");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void neverThrows(String text) {
    assertThatCode(() -> matcher.match(text)).doesNotThrowAnyException();
    assertThatCode(() -> matcher.assess(text)).doesNotThrowAnyException();
  }

  @Test
  void nullIsNothingMatched() {
    assertThat(matcher.match(null)).isEmpty();
    assertThat(matcher.assess(null).nothingMatched()).isTrue();
  }

  @Test
  void blankIsNothingMatched() {
    assertThat(matcher.assess("  \n\t ").nothingMatched()).isTrue();
  }

  @Test
  void queryParserSyntaxIsReadAsText() {
    List<SymptomMatch> matches = matcher.match("health:probe AND (backend* OR \"unhealthy\")~2");
    assertThat(matches).isNotEmpty();
    assertThat(matches.get(0).symptomId()).isEqualTo("probe-down");
  }

  @Test
  void emojiAroundWordsDoNotHide() {
    assertThat(matcher.match("\uD83D\uDD25 health probe \uD83D\uDD25 failing \uD83D\uDE31").get(0).symptomId())
        .isEqualTo("probe-down");
  }

  @Test
  void controlCharactersSeparateWords() {
    assertThat(matcher.match("health\u0000probe\u0001failing").get(0).symptomId()).isEqualTo("probe-down");
  }

  @Test
  void japaneseIsNothingMatched() {
    assertThat(matcher.assess("ロードバランサーの正常性プローブが失敗しています").nothingMatched()).isTrue();
  }

  @Test
  void germanIsNotConfident() {
    String german = "Der Lastenausgleich funktioniert nicht, alle Server sind ungesund";
    MatchResult result = matcher.assess(german);
    assertThat(result.confident()).as("%s %s", matcher.queryTerms(german), result.matches()).isFalse();
  }

  @Test
  void hundredKilobytesIsCappedAndFast() {
    String huge = ("the backend VMs show unhealthy in the health probe status and then some more words "
            + "about what happened next ").repeat(1_000);
    assertThat(huge.length()).isGreaterThan(100_000);
    long start = System.nanoTime();
    List<SymptomMatch> matches = matcher.match(huge);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(matches.get(0).symptomId()).isEqualTo("probe-down");
    assertThat(millis).isLessThan(2_000);
  }

  @Test
  void scoresStayInUnitInterval() {
    hostile().forEach(t -> matcher.match(t).forEach(m -> assertThat(m.score()).isBetween(0.0, 1.0)));
  }
}
