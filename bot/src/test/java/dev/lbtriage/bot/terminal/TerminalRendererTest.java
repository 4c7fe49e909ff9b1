package dev.lbtriage.bot.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.Replies;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.message.Section.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden files for each reply type in plain mode ({@code src/test/resources/terminal/golden}); run
 * with {@code -Dgolden.update=true} to rewrite them after a deliberate change, then review the diff.
 */
class TerminalRendererTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "terminal", "golden");

  @Test
  void text() throws IOException {
    golden("text", List.of(
        Replies.text("Conclusion: VMs behind the load balancer are not responding to health probes on lb-web", true),
        Replies.text("This looks like: VMs behind the load balancer are not responding to health probes (61% match). "
            + "A second sentence makes the paragraph longer than one line."),
        Replies.text("What shows the symptom:\n- DipAvailability 0% at 2026-11-25T10:05:00Z for 172.18.0.5 (metrics.json), "
            + "which is long enough to wrap\n1. a numbered step")));
  }

  @Test
  void yesNoPrompt() throws IOException {
    golden("prompt-yes-no", List.of(new Reply.Prompt("vm-responds",
        "Is the backend VM vm-shop-1 up, healthy, and does it answer a TCP ping on 172.18.0.5:80 from another VM in the pool?",
        "A stopped, hung or overloaded VM answers no probe at all.",
        List.of(Replies.how("Windows", "psping -t 172.18.0.5:80\nTest-NetConnection -ComputerName 172.18.0.5 -Port 80"),
            Replies.how("Linux", "nc -vz -w 3 172.18.0.5 80"),
            Replies.how("Azure", "az vm get-instance-view -g rg-shop -n vm-shop-1 -o tsv")),
        List.of(new Reply.Choice("Yes", "yes"), new Reply.Choice("No", "no"), new Reply.Choice("I don't know", "I don't know")))));
  }

  @Test
  void numberedPrompt() throws IOException {
    golden("prompt-numbered", List.of(new Reply.Prompt("load-balancer", "Which load balancer is it? (a number or its name)",
        "The facts are gathered for one load balancer.", List.of(),
        List.of(new Reply.Choice("lb-shop (STANDARD, internal, rg-shop)", "lb-shop"),
            new Reply.Choice("lb-web (BASIC, public, rg-web)", "lb-web")))));
  }

  @Test
  void freeTextPrompt() throws IOException {
    golden("prompt-free-text", List.of(new Reply.Prompt("client-ip", "From which IP address do the failing clients connect?",
        null, List.of(), List.of(new Reply.Choice("I don't know", "I don't know")))));
  }

  @Test
  void findings() throws IOException {
    golden("findings", List.of(Replies.findings("Findings", List.of(
        Replies.row("probe-port-blocked", "A guest firewall or a network security group blocks the probe",
            "confirmed", List.of("probe tcpProbe1: inbound TCP AzureLoadBalancer -> 10.0.0.4:25: DENY; denied by "
                + "nsg-web/DenyAll@100 (NIC NSG, from nsg-web.json)")),
        Replies.row("vm-unhealthy", "The backend VM is stopped or unhealthy", "suspected",
            List.of("not decided: no fact or answer decides it yet")),
        Replies.row("probe-misconfigured", "Another misconfiguration keeps the probe from being answered",
            "ruled-out", List.of("DipAvailability 100% for 172.18.0.6"))))));
  }

  @Test
  void code() throws IOException {
    golden("code", List.of(Replies.code("az commands for probe-port-blocked", "bash",
        "# List the rules of the NSG, default rules included\naz network nsg rule list -g rg-web --nsg-name nsg-web -o table\n\n"
            + "# Remove the blocking rule\naz network nsg rule delete -g rg-web --nsg-name nsg-web -n DenyAll")));
  }

  @Test
  void progressIsOneLinePerStepWhenPiped() throws IOException {
    golden("progress", List.of(new Reply.ProgressUpdate("reading files", 1, 8), new Reply.ProgressUpdate("reading files", 8, 8),
        new Reply.ProgressUpdate("following references", 0, 1), new Reply.ProgressUpdate("following references", 1, 1),
        Replies.text("Load balancer: lb-web.")));
  }

  @Test
  void notices() throws IOException {
    golden("notice", List.of(Replies.notice(Level.INFO, "There are no answers to change yet."),
        Replies.notice(Level.WARNING, "I did not understand that: answer yes, no or \"I don't know\". You can also say "
            + "\"why\", \"back\" or \"help\"."),
        Replies.notice(Level.ERROR, "The load balancer of this session cannot be read any more: no lb-web in the snapshot")));
  }

  @Test
  void colourOnATerminalOnly() {
    TerminalRenderer tty = new TerminalRenderer(new Style(true), true, 88);
    Reply f = Replies.findings("Findings", List.of(
        Replies.row("a", "A", "confirmed", List.of()), Replies.row("b", "B", "suspected", List.of()),
        Replies.row("c", "C", "ruled-out", List.of())));
    assertThat(tty.render(f)).contains("\u001b[1;31mCONFIRMED", "\u001b[33mSUSPECTED", "\u001b[2;32mRULED-OUT");
    assertThat(TerminalRenderer.plain().render(f)).doesNotContain("\u001b");
    assertThat(tty.render(new Reply.ProgressUpdate("reading files", 1, 8))).startsWith("\r").doesNotContain("\n");
    assertThat(tty.render(Replies.text("next"))).startsWith("\nnext");
  }

  @Test
  void noColorAndPipesTurnColourOff() {
    assertThat(Style.detect(true, java.util.Map.of()).color()).isTrue();
    assertThat(Style.detect(true, java.util.Map.of("NO_COLOR", "1")).color()).isFalse();
    assertThat(Style.detect(true, java.util.Map.of("TERM", "dumb")).color()).isFalse();
    assertThat(Style.detect(false, java.util.Map.of()).color()).isFalse();
  }

  @Test
  void aNumberPicksFromANumberedListOnly() {
    Reply.Prompt lbs = new Reply.Prompt("load-balancer", "Which?", null, List.of(),
        List.of(new Reply.Choice("lb-shop (STANDARD, internal, rg-shop)", "lb-shop"), new Reply.Choice("lb-web (BASIC)", "lb-web")));
    Reply.Prompt yesNo = new Reply.Prompt("q", "Q?", null, List.of(),
        List.of(new Reply.Choice("Yes", "yes"), new Reply.Choice("No", "no"), new Reply.Choice("I don't know", "I don't know")));
    assertThat(Choices.resolve(lbs, "2")).isEqualTo("lb-web");
    assertThat(Choices.resolve(lbs, "3")).isEqualTo("3");
    assertThat(Choices.resolve(lbs, "lb-shop")).isEqualTo("lb-shop");
    assertThat(Choices.resolve(yesNo, "1")).isEqualTo("1");
  }

  private static void golden(String name, List<Reply> replies) throws IOException {
    TerminalRenderer r = TerminalRenderer.plain();
    StringBuilder b = new StringBuilder();
    replies.forEach(x -> b.append(r.render(x)));
    b.append(r.closeProgress());
    String actual = b.toString();
    Path file = GOLDEN.resolve(name + ".txt");
    if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(actual.lines().filter(l -> !l.startsWith("    ")))
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Wrap.WIDTH + 2));
  }
}
