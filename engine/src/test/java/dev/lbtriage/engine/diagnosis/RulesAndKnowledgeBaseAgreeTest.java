package dev.lbtriage.engine.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** The stable ids are one contract: every cause and question the rules use is in the KB, and back. */
class RulesAndKnowledgeBaseAgreeTest {
  static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  /** {@code Finding.of("cause", ...)}, or {@code Finding.about($flow, "cause", ...)} for a finding about one flow or route. */
  static final Pattern FINDING = Pattern.compile("Finding\\.(?:of\\(|about\\(\\$\\w+, )\"([a-z0-9-]+)\"");
  static final Pattern ASK = Pattern.compile("new Ask\\(\"([a-z0-9-]+)\", \"([a-z0-9-]+)\"");
  static final Pattern RULE = Pattern.compile("(?m)^rule \"([^\"]+)\"");

  @Test
  void every_diagnosis_rule_is_named_after_a_kb_cause_and_every_kb_cause_has_rules() throws IOException {
    // the rules of each symptom's own DRL decide its causes; every other rule (the classification) decides none
    Set<String> symptomRules = new HashSet<>();
    for (Symptom s : KB.symptoms()) {
      Matcher r = RULE.matcher(read(s.id() + ".drl"));
      while (r.find()) {
        symptomRules.add(r.group(1));
      }
    }
    Set<String> causesWithRules = new HashSet<>();
    int classification = 0;
    for (KiePackage p : RuleEngine.fromClasspath().kieBase().getKiePackages()) {
      for (Rule r : p.getRules()) {
        String prefix = r.getName().substring(0, r.getName().indexOf(':'));
        if (symptomRules.contains(r.getName())) {
          assertThat(KB.cause(prefix)).as("rule '%s' names a KB cause", r.getName()).isPresent();
          causesWithRules.add(prefix);
        } else {
          assertThat(KB.cause(prefix)).as("classification rule '%s' decides no cause", r.getName()).isEmpty();
          classification++;
        }
      }
    }
    assertThat(classification).as("classification rules outside the symptoms' DRL files").isPositive();
    assertThat(causesWithRules).containsExactlyInAnyOrderElementsOf(KB.causes().map(Cause::id).toList());
  }

  @Test
  void each_symptom_has_one_drl_file_whose_findings_and_questions_are_its_own() throws IOException {
    for (Symptom s : KB.symptoms()) {
      String drl = read(s.id() + ".drl");
      Set<String> ownCauses = s.causes().stream().map(Cause::id).collect(Collectors.toSet());
      Set<String> ownQuestions = s.questions().stream().map(Question::id).collect(Collectors.toSet());
      Set<String> emitted = new HashSet<>();
      Matcher f = FINDING.matcher(drl);
      while (f.find()) {
        assertThat(ownCauses).as("%s.drl emits a finding for %s", s.id(), f.group(1)).contains(f.group(1));
        emitted.add(f.group(1));
      }
      assertThat(emitted).as("every cause of %s can be emitted", s.id()).containsExactlyInAnyOrderElementsOf(ownCauses);
      Set<String> asked = new HashSet<>();
      Matcher a = ASK.matcher(drl);
      while (a.find()) {
        assertThat(ownQuestions).as("%s.drl asks %s", s.id(), a.group(1)).contains(a.group(1));
        assertThat(ownCauses).contains(a.group(2));
        asked.add(a.group(1));
      }
      assertThat(asked).as("every question of %s is asked by a rule", s.id()).containsExactlyInAnyOrderElementsOf(ownQuestions);
      Matcher r = RULE.matcher(drl);
      while (r.find()) {
        assertThat(ownCauses).as("rule '%s' in %s.drl", r.group(1), s.id()).anyMatch(c -> r.group(1).startsWith(c + ": "));
      }
    }
  }

  private static String read(String name) throws IOException {
    try (InputStream in = RuleEngine.class.getResourceAsStream("/dev/lbtriage/rules/diagnosis/" + name)) {
      assertThat(in).as("DRL file %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
