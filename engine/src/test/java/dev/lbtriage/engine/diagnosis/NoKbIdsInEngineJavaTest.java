package dev.lbtriage.engine.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Question;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cause and question ids are KB data (issue 15): the engine's Java names none of them, so a cause or question is
 * added, renamed or re-worded in the KB and the DRL alone. What decides a cause is the rules; where it shows on the
 * traffic path is the KB's {@code pathHop}; which placeholders an answer fills is the question's {@code fills}.
 */
class NoKbIdsInEngineJavaTest {
  static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  static final Path MAIN = Path.of("src", "main", "java", "dev", "lbtriage", "engine");
  /** Packages not read (none: the conversation's implications, report readings and probe-health pair are KB data too). */
  static final Set<String> NOT_YET_CHECKED = Set.of();
  /**
   * {@code file: id} still allowed. The bundle reads the client's address from the recorded answers (it has no KB
   * to ask which question fills {@code clientIp}).
   */
  static final Set<String> ALLOWED = Set.of("bundle/BundleBuilder.java: client-ip");
  static final Pattern LITERAL = Pattern.compile("\"([a-z0-9]+(?:-[a-z0-9]+)+)\"");

  @Test
  void no_cause_or_question_id_of_the_kb_is_written_in_the_engines_java() throws IOException {
    Set<String> ids = new HashSet<>();
    KB.causes().map(Cause::id).forEach(ids::add);
    KB.questions().map(Question::id).forEach(ids::add);
    assertThat(ids).hasSizeGreaterThanOrEqualTo(20);
    List<String> found = new ArrayList<>();
    int files = 0;
    try (Stream<Path> all = Files.walk(MAIN)) {
      for (Path p : all.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String rel = MAIN.relativize(p).toString().replace('\\', '/');
        if (NOT_YET_CHECKED.contains(rel.substring(0, Math.max(0, rel.indexOf('/'))))) {
          continue;
        }
        files++;
        Matcher m = LITERAL.matcher(Files.readString(p, StandardCharsets.UTF_8));
        while (m.find()) {
          if (ids.contains(m.group(1)) && !ALLOWED.contains(rel + ": " + m.group(1))) {
            found.add(rel + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(files).as("engine main Java files read").isGreaterThan(50);
    assertThat(found).as("KB ids written in engine Java").isEmpty();
  }
}
