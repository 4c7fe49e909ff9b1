package dev.lbtriage.kb.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One fixture folder per invalid case under {@code src/test/resources/invalid/}. */
class InvalidKnowledgeBaseTest {

  @ParameterizedTest(name = "{0} is reported at {1}:{2}")
  @CsvSource(delimiter = '|', textBlock = """
      yaml-syntax-error            | sample.yaml | 6  | YAML syntax error
      unknown-field                | sample.yaml | 23 | unknown field 'severity' in cause
      duplicate-cause-id           | other.yaml  | 20 | duplicate cause id 'sample-cause' (first declared at
      duplicate-question-id        | other.yaml  | 11 | duplicate question id 'sample-question' (first declared at
      duplicate-key                | sample.yaml | 4  | duplicate key 'title' (first on line 2)
      cause-without-check          | sample.yaml | 25 | empty list 'checks' in cause
      cause-without-resolution     | sample.yaml | 20 | missing required field 'resolution' in cause
      unknown-question             | sample.yaml | 28 | manual check names question 'is-it-plugged-in' which symptom 'sample' does not declare
      unknown-fact                 | sample.yaml | 26 | unknown fact 'moon-phase'
      unknown-placeholder          | sample.yaml | 31 | unknown placeholder {probePortt}
      literal-brace                | sample.yaml | 34 | literal braces '{print $1}' are not allowed
      missing-required-field       | sample.yaml | 1  | missing required field 'title' in symptom
      empty-phrasings              | sample.yaml | 4  | empty list 'phrasings' in symptom
      missing-file                 | index.yaml  | 3  | file 'absent.yaml' named in the index does not exist
      health-check-flag            | sample.yaml | 11 | field 'settlesQuestions' must be true or false
      scan-needs-unknown-fact      | sample.yaml | 12 | unknown fact 'scale-sets' in scanNeeds (known: load-balancer,
      unknown-path-hop             | sample.yaml | 22 | unknown pathHop 'backend-nsg' (known: client, rule, data-nsg, probe-nsg, route, vm, data-vm, probe-vm)
      unknown-fills                | sample.yaml | 17 | unknown placeholder 'clientAddress' in 'fills'
      fills-yes-no                 | sample.yaml | 15 | a yes-no answer fills no placeholder
      implies-unknown-question     | sample.yaml | 23 | question 'sample-question' implies an answer to question 'is-it-plugged-in' which no symptom declares
      report-unknown-word          | sample.yaml | 25 | unknown report word %thing% (declare it under reportWords of this file)
      report-bad-pattern           | sample.yaml | 25 | bad pattern: Unclosed group
      probe-health-twice           | other.yaml  | 14 | probeHealth shows failing is already the side of symptom 'sample'
      """)
  void an_invalid_knowledge_base_is_refused_with_file_and_line(String fixture, String file, int line, String what) {
    // given
    Path dir = fixture("invalid/" + fixture);

    // when
    KnowledgeBaseException e = catchThrowableOfType(KnowledgeBaseException.class, () -> KnowledgeBaseLoader.load(dir));

    // then
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains(fixture + File.separator + file + ":" + line + ": " + what);
  }

  @Test
  void every_problem_of_a_file_is_reported_not_only_the_first() {
    // given a file with an unknown field, an unknown fact and an unknown placeholder
    Path dir = fixture("invalid/many-problems");

    // when
    KnowledgeBaseException e = catchThrowableOfType(KnowledgeBaseException.class, () -> KnowledgeBaseLoader.load(dir));

    // then
    assertThat(e.problems()).hasSize(3);
    assertThat(e.getMessage())
        .contains("sample.yaml:3: unknown field 'colour'")
        .contains("sample.yaml:27: unknown fact 'moon-phase'")
        .contains("sample.yaml:32: unknown placeholder {nope}");
  }

  @Test
  void a_valid_folder_loads() {
    // given
    Path dir = fixture("valid");

    // when
    var kb = KnowledgeBaseLoader.load(dir);

    // then
    assertThat(kb.symptoms()).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo("sample");
      assertThat(s.source().file()).endsWith("valid" + File.separator + "sample.yaml");
      assertThat(s.causes()).singleElement().satisfies(c -> assertThat(c.checks()).hasSize(2));
    });
  }

  static Path fixture(String name) {
    try {
      return Path.of(Objects.requireNonNull(InvalidKnowledgeBaseTest.class.getResource("/" + name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
