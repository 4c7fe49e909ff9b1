package dev.lbtriage.engine.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTest {

  static Message everySection() {
    return Message.builder("Conclusion: probe down on lb-1")
        .heading("Confirmed: NSG blocks the probe")
        .text("Evidence: rule deny-80 denies 168.63.129.16.\nSecond line.")
        .bullets(List.of("one", "two"))
        .steps(List.of("Open the NSG", "Add a rule"))
        .add(new Section.Commands("Fix", Section.Shell.BASH,
            List.of(new Section.Command("Allow the probe", "az network nsg rule create -g rg --nsg-name nsg -n allow"))))
        .add(new Section.HowTo(List.of(new Section.Way(Section.Platform.WINDOWS, List.of("psping 10.0.0.4:80")),
            new Section.Way(Section.Platform.LINUX, List.of("nc -vz 10.0.0.4 80")))))
        .add(new Section.Findings("Findings", List.of(new Section.Finding("nsg-blocks-probe", "NSG blocks the probe",
            Section.Status.CONFIRMED, List.of("rule deny-80 | priority 100")))))
        .add(new Section.Buttons("vm-responds", List.of(new Section.Button("Yes", "yes"), new Section.Button("No", "no"))))
        .context("Facts from snapshot ex-1")
        .notice(Section.Level.WARNING, "1 fact could not be read")
        .build();
  }

  @Test
  void builderLeavesOutEmptyPartsAndKeepsOrder() {
    Message m = Message.builder("t").text(" ").bullets(List.of()).steps(List.of("a")).context(null).build();
    assertThat(m.sections()).containsExactly(new Section.Steps(List.of("a")));
    assertThat(everySection().sections()).hasSize(10);
    assertThat(everySection().sectionsOf(Section.HowTo.class).get(0).on(Section.Platform.LINUX)).get()
        .extracting(Section.Way::text).isEqualTo("nc -vz 10.0.0.4 80");
  }

  @Test
  void messageIsImmutable() {
    List<Section> list = new ArrayList<>(List.of(new Section.Text("a")));
    Message m = new Message(null, list);
    list.add(new Section.Text("b"));
    assertThat(m.sections()).hasSize(1);
  }

  @Test
  void statusReadsItsIds() {
    assertThat(Section.Status.of("ruled-out")).isEqualTo(Section.Status.RULED_OUT);
    assertThat(Section.Status.of("CONFIRMED").id()).isEqualTo("confirmed");
    assertThatThrownBy(() -> Section.Status.of("maybe")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void markdownRendersEverySectionWithPlatformsApart() {
    String md = MarkdownRenderer.render(everySection());
    assertThat(md).startsWith("## Conclusion: probe down on lb-1\n")
        .contains("### Confirmed: NSG blocks the probe")
        .contains("Evidence: rule deny-80 denies 168.63.129.16.  \nSecond line.")
        .contains("- one\n- two").contains("1. Open the NSG\n2. Add a rule")
        .contains("```bash\n# Allow the probe\naz network nsg rule create")
        .contains("**Windows**\n\n```powershell\npsping 10.0.0.4:80\n```")
        .contains("**Linux**\n\n```bash\nnc -vz 10.0.0.4 80\n```")
        .contains("| NSG blocks the probe (`nsg-blocks-probe`) | confirmed | rule deny-80 \\| priority 100 |")
        .contains("Answer: `Yes` · `No`")
        .contains("_Facts from snapshot ex-1_")
        .contains("> **Warning:** 1 fact could not be read");
    assertThat(md.indexOf("psping")).isLessThan(md.indexOf("**Linux**"));
  }

  @Test
  void markdownEscapesMarkup() {
    assertThat(MarkdownRenderer.render(Message.text("a *b* <c> _d_"))).isEqualTo("a \\*b\\* \\<c\\> \\_d\\_\n");
  }
}
