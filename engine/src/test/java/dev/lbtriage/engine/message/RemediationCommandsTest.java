package dev.lbtriage.engine.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.conversation.DiagnosisMessage;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A remediation's commands reach the message model as structure (description apart from the command, the fix
 * apart from what only looks), and a renderer writes each description on its own line above its command.
 */
class RemediationCommandsTest {
  private static final Diagnoser DIAGNOSER = new Diagnoser(KnowledgeBaseLoader.loadBundled(), RuleEngine.fromClasspath());

  private static Diagnosis diagnose() {
    return DIAGNOSER.diagnose(new SnapshotReader(Path.of("..", "examples", "nsg-deny-all-nic")).gather("lb-web", Progress.none()),
        "lb-web", "probe-down", null, List.of());
  }

  @Test
  void the_fix_section_holds_exactly_the_fixing_commands_each_with_its_description() {
    Diagnosis d = diagnose();
    Diagnosis.Remediation r = d.remediationOf("probe-port-blocked").orElseThrow();
    assertThat(r.fixes()).hasSize(2).allMatch(Diagnosis.Command::fix);
    assertThat(r.commands()).anyMatch(c -> !c.fix()); // the looks and checks are there too
    Message m = DiagnosisMessage.of(d, null, null);
    Section.Commands fix = m.sectionsOf(Section.Commands.class).stream().filter(c -> c.caption().startsWith("Fix")).findFirst()
        .orElseThrow();
    assertThat(fix.caption()).isEqualTo("Fix (in this order)");
    assertThat(fix.commands()).containsExactlyElementsOf(
        r.fixes().stream().map(c -> new Section.Command(c.description(), c.command())).toList());
    assertThat(m.sectionsOf(Section.Commands.class)).flatMap(Section.Commands::commands).allSatisfy(c -> {
      assertThat(c.description()).isNotBlank().doesNotStartWith("#");
      assertThat(c.text()).startsWith("az ").doesNotContain("\n");
    });
  }

  @Test
  void markdown_puts_each_description_on_its_own_comment_line_right_above_its_command() {
    Diagnosis d = diagnose();
    String md = MarkdownRenderer.render(DiagnosisMessage.of(d, null, null));
    for (Diagnosis.Remediation r : d.remediation()) {
      for (Diagnosis.Command c : r.commands()) {
        assertThat(md).contains("\n# " + c.description() + "\n" + c.command() + "\n");
      }
    }
  }
}
