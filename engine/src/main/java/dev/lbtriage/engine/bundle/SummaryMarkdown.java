package dev.lbtriage.engine.bundle;

import dev.lbtriage.engine.bundle.TrafficPath.Hop;
import dev.lbtriage.engine.conversation.RecordedAnswer;
import dev.lbtriage.engine.conversation.RecordedCheck;
import dev.lbtriage.engine.conversation.RemediationTried;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.Frontend;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.PoolMember;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code SUMMARY.md}: what support reads first. The symptom in the user's words and the entry point
 * matched; the load balancer as tables; each cause with its status and evidence; the path picture;
 * the metrics over time; the questions asked and the answers (who, when); the checks run; the fixes
 * suggested; the fields of an Azure support request ready to paste; how to replay the snapshot.
 */
final class SummaryMarkdown {
  private static final List<String> ORDER = List.of("confirmed", "suspected", "ruled-out");

  private SummaryMarkdown() {}

  static String render(BundleRequest r, LoadBalancer lb, TrafficPath path, List<MetricsChart.Chart> charts, SupportFields fields,
      boolean masked) {
    Diagnosis d = r.diagnosis();
    StringBuilder b = new StringBuilder();
    b.append("# Support case: ").append(Md.text(lb.name())).append(" — ").append(Md.text(d.symptom() == null ? "" : d.symptom().title()))
        .append("\n\n");
    b.append("Made by lb-triage at ").append(r.createdAt()).append(" from ").append(Md.text(r.factSource()))
        .append(r.sessionId() == null ? "" : ", conversation " + Md.code(r.sessionId())).append(".");
    if (masked) {
      b.append(" Redacted: subscription and tenant ids, public IPs, user names and free text are masked, one mask per value, in every "
          + "file (list in [MASKED.md](MASKED.md)).");
    }
    b.append(" Secrets (tokens, keys, passwords, connection strings, SAS signatures) are never written.\n\n");
    b.append("In this bundle: [the capture plan](CAPTURE-PLAN.md) · [the path picture](traffic-path.svg)");
    charts.forEach(c -> b.append(" · [").append(MetricsChart.CHARTED.get(c.metric())).append("](").append(c.fileName()).append(")"));
    b.append(" · [every fact and its source](facts.json) · [the ARM JSON read](snapshot/)").append(".\n\n");

    b.append("## The problem\n\n");
    if (r.report() != null && !r.report().isBlank()) {
      b.append("In the user's words:\n\n> ").append(Md.text(oneLine(r.report()))).append("\n\n");
    } else {
      b.append("No report in the user's words: the symptom was chosen by id.\n\n");
    }
    if (d.symptom() != null) {
      b.append("Entry point matched: **").append(Md.text(d.symptom().title())).append("** (").append(Md.code(d.symptom().id()))
          .append(d.symptom().score() == null ? ", chosen by id" : String.format(Locale.ROOT, ", match score %.2f", d.symptom().score()))
          .append(").\n\n");
    }
    if (!d.symptomEvidence().isEmpty()) {
      b.append("What the facts show of the symptom:\n\n");
      d.symptomEvidence().forEach(e -> b.append("- ").append(Md.text(e)).append('\n'));
      b.append('\n');
    }

    loadBalancer(b, r.facts(), lb);
    findings(b, d);

    b.append("## The path, with the failing hop marked\n\n");
    b.append("For backend ").append(path.backendIp() == null ? "(none with an address)" : Md.code(path.backendIp()))
        .append(". [The same picture as SVG](traffic-path.svg).\n\n");
    b.append("```mermaid\n").append(PathMermaid.render(path)).append("```\n\n");
    List<Hop> bad = path.hops().stream().filter(h -> h.state() != TrafficPath.State.OK && h.state() != TrafficPath.State.NONE).toList();
    if (bad.isEmpty()) {
      b.append("Every hop passes as far as the facts show.\n\n");
    } else {
      bad.forEach(h -> b.append("- ").append(Md.code(h.key())).append(' ').append(h.state().words()).append(": ").append(Md.text(h.why()))
          .append('\n'));
      b.append('\n');
    }

    if (!charts.isEmpty()) {
      b.append("## Metrics over time\n\n");
      for (MetricsChart.Chart c : charts) {
        b.append("### ").append(Md.text(c.title())).append("\n\n![").append(Md.text(c.title())).append("](").append(c.fileName())
            .append(")\n\n").append(MetricsChart.table(c)).append('\n');
      }
    }

    answers(b, r.answers(), d);
    checks(b, r.checks(), path);
    remediation(b, d, r.tried(), r.createdAt());
    if (!d.notices().isEmpty() || !d.missingFacts().isEmpty() || !d.problems().isEmpty()) {
      b.append("## Notices and what could not be read\n\n");
      d.notices().forEach(n -> b.append("- ").append(Md.text(n)).append('\n'));
      d.missingFacts().forEach(n -> b.append("- missing: ").append(Md.text(n)).append('\n'));
      d.problems().forEach(n -> b.append("- problem: ").append(Md.text(n)).append('\n'));
      b.append('\n');
    }
    fields.markdown(b);
    b.append("## Replay\n\n").append("The ARM JSON read is in [snapshot/](snapshot/); this gives the same findings:\n\n```\n")
        .append(replay(r)).append("\n```\n");
    return b.toString();
  }

  static String replay(BundleRequest r) {
    StringBuilder c = new StringBuilder("lb-triage diagnose --snapshot snapshot --lb ").append(ArmId.name(r.diagnosis().loadBalancer()))
        .append(" --symptom-id ").append(r.diagnosis().symptom().id());
    for (RecordedAnswer a : r.answers()) {
      c.append(" --answer ").append(shellWord(a.question() + "=" + a.value()));
    }
    return c.toString();
  }

  private static String shellWord(String s) {
    return s.matches("[A-Za-z0-9._:=/-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  private static void loadBalancer(StringBuilder b, AzureFacts facts, LoadBalancer lb) {
    b.append("## The load balancer\n\n| | |\n|---|---|\n");
    b.append("| name | ").append(Md.cell(lb.name())).append(" |\n");
    b.append("| SKU | ").append(lb.sku() == null ? "not in the facts" : lb.sku().name()).append(" |\n");
    b.append("| type | ").append(lb.frontends().isEmpty() ? "no frontend in the facts" : lb.internal() ? "internal" : "public").append(" |\n");
    b.append("| region | ").append(lb.location() == null ? "not in the facts" : Md.cell(lb.location())).append(" |\n");
    b.append("| resource group | ").append(Md.cell(lb.resourceGroup() == null ? ArmId.resourceGroup(lb.id()) : lb.resourceGroup())).append(" |\n");
    b.append("| resource id | ").append(Md.code(lb.id())).append(" |\n");
    b.append("| read from | ").append(lb.origin() == null ? "" : Md.code("snapshot/" + lb.origin().file())).append(" |\n\n");

    b.append("Frontends:\n\n| name | address | kind |\n|---|---|---|\n");
    for (Frontend f : lb.frontends()) {
      b.append("| ").append(Md.cell(f.name())).append(" | ").append(Md.cell(f.address() == null ? "not in the facts"
              + (f.isPublic() ? " (portal > public IP " + ArmId.name(f.publicIpId()) + " > Overview)" : "") : f.address()))
          .append(" | ").append(f.isPublic() ? "public IP " + Md.cell(ArmId.name(f.publicIpId())) : "private, subnet " + Md.cell(ArmId.name(f.subnetId())))
          .append(" |\n");
    }
    b.append("\nRules:\n\n| name | protocol | frontend port | backend port | pool | probe | floating IP |\n|---|---|---:|---:|---|---|---|\n");
    for (LoadBalancingRule r : lb.rules()) {
      b.append("| ").append(Md.cell(r.name())).append(" | ").append(r.protocol()).append(" | ").append(r.frontendPort()).append(" | ")
          .append(r.backendPort()).append(" | ").append(Md.cell(r.backendPoolIds().stream().map(ArmId::name).collect(Collectors.joining(", "))))
          .append(" | ").append(Md.cell(r.probeId() == null ? "none" : ArmId.name(r.probeId()))).append(" | ")
          .append(r.floatingIp() ? "yes" : "no").append(" |\n");
    }
    if (lb.rules().isEmpty()) {
      b.append("| (no load-balancing rule) | | | | | | |\n");
    }
    b.append("\nProbes:\n\n| name | protocol | port | path | interval | threshold |\n|---|---|---:|---|---:|---:|\n");
    for (HealthProbe p : lb.probes()) {
      b.append("| ").append(Md.cell(p.name())).append(" | ").append(p.protocol() == null ? "?" : p.protocol().display()).append(" | ")
          .append(p.port()).append(" | ").append(Md.cell(p.http() ? String.valueOf(p.requestPath()) : "")).append(" | ")
          .append(p.intervalSeconds() == null ? "" : p.intervalSeconds() + " s").append(" | ")
          .append(p.probeThreshold() != null ? p.probeThreshold() : p.numberOfProbes() != null ? p.numberOfProbes() : "").append(" |\n");
    }
    if (lb.probes().isEmpty()) {
      b.append("| (no health probe) | | | | | |\n");
    }
    b.append("\nBackend pools:\n\n| pool | backend | VM | power state | NIC |\n|---|---|---|---|---|\n");
    for (BackendPool p : lb.pools()) {
      if (p.members().isEmpty()) {
        b.append("| ").append(Md.cell(p.name())).append(" | (empty) | | | |\n");
      }
      for (PoolMember m : p.members()) {
        var vm = m.vmId() == null ? java.util.Optional.<dev.lbtriage.rules.facts.VirtualMachine>empty() : facts.vm(m.vmId());
        b.append("| ").append(Md.cell(p.name())).append(" | ").append(Md.cell(m.ipAddress() == null ? "?" : m.ipAddress())).append(" | ")
            .append(Md.cell(m.vmssId() != null ? ArmId.name(m.vmssId()) + " #" + m.vmssInstanceId()
                : vm.map(v -> v.name()).orElse(m.vmId() == null ? "" : ArmId.name(m.vmId())))).append(" | ")
            .append(vm.map(v -> v.powerState() == null ? "not in the facts" : v.powerState().name().toLowerCase(Locale.ROOT)).orElse("not in the facts"))
            .append(" | ").append(Md.cell(m.nicId() == null ? "" : ArmId.name(m.nicId()))).append(" |\n");
      }
    }
    b.append('\n');
  }

  private static void findings(StringBuilder b, Diagnosis d) {
    b.append("## Causes, with status and evidence\n\n");
    b.append("| status | cause | what it means |\n|---|---|---|\n");
    List<Diagnosis.CauseFinding> sorted = d.findings().stream()
        .sorted(java.util.Comparator.comparingInt(f -> ORDER.indexOf(f.status()) < 0 ? 9 : ORDER.indexOf(f.status()))).toList();
    for (Diagnosis.CauseFinding f : sorted) {
      b.append("| **").append(f.status()).append("** | ").append(Md.code(f.cause())).append(" | ").append(Md.cell(f.title())).append(" |\n");
    }
    b.append('\n');
    for (Diagnosis.CauseFinding f : sorted) {
      b.append("### ").append(f.status()).append(": ").append(Md.text(f.title())).append(" (").append(Md.code(f.cause())).append(")\n\n");
      if (f.rule() != null) {
        b.append("Decided by rule ").append(Md.code(f.rule())).append(".\n\n");
      }
      f.evidence().forEach(e -> b.append("- ").append(Md.text(e)).append('\n'));
      b.append('\n');
    }
  }

  private static void answers(StringBuilder b, List<RecordedAnswer> answers, Diagnosis d) {
    b.append("## Questions asked and answers\n\n");
    if (answers.isEmpty()) {
      b.append("No question was answered.\n\n");
    } else {
      b.append("| # | question | answer | who | when | how |\n|---:|---|---|---|---|---|\n");
      int i = 1;
      for (RecordedAnswer a : answers) {
        b.append("| ").append(i++).append(" | ").append(Md.code(a.question())).append(" | ").append(Md.cell(a.value())).append(" | ")
            .append(Md.cell(a.by() == null ? "command line" : a.by())).append(" | ").append(a.at() == null ? "" : a.at().toString())
            .append(" | ").append(Md.cell(how(a))).append(" |\n");
      }
      b.append('\n');
    }
    if (!d.questions().isEmpty()) {
      b.append("Still open (answering them may settle a suspected cause):\n\n");
      d.questions().forEach(q -> b.append("- ").append(Md.code(q.id())).append(": ").append(Md.text(q.text())).append('\n'));
      b.append('\n');
    }
  }

  private static String how(RecordedAnswer a) {
    return switch (a.source()) {
      case RecordedAnswer.REPORT -> "read from the report and confirmed" + (a.quote() == null ? "" : ": \"" + a.quote() + "\"");
      case RecordedAnswer.HEDGED -> "a hedged answer, confirmed" + (a.quote() == null ? "" : ": \"" + a.quote() + "\"");
      case RecordedAnswer.TYPED -> "typed";
      default -> a.source();
    };
  }

  private static void checks(StringBuilder b, List<RecordedCheck> checks, TrafficPath path) {
    b.append("## Checks run\n\n");
    b.append("Evaluated by lb-triage from the facts (offline NSG evaluation, as Network Watcher's IP flow verify would):\n\n");
    for (Hop h : path.hops()) {
      if (h.id().endsWith("nsg")) {
        b.append("- ").append(Md.code(h.key())).append(": ").append(h.state().words()).append(" — ").append(Md.text(h.why())).append('\n');
      }
    }
    b.append('\n');
    if (checks.isEmpty()) {
      b.append("Live checks (TCP connects run from lb-triage's machine): none were run.\n\n");
    } else {
      b.append("Live checks:\n\n| for question | target | kind | result | who | when |\n|---|---|---|---|---|---|\n");
      for (RecordedCheck c : checks) {
        b.append("| ").append(Md.code(c.question())).append(" | ").append(Md.cell(c.host() + ":" + c.port())).append(" | ").append(c.kind())
            .append(" | ").append(c.received()).append('/').append(c.sent()).append(" answered: ").append(Md.cell(c.summary())).append(" | ")
            .append(Md.cell(c.by())).append(" | ").append(c.at() == null ? "" : c.at().toString()).append(" |\n");
      }
      b.append('\n');
    }
  }

  private static void remediation(StringBuilder b, Diagnosis d, List<RemediationTried> tried, java.time.Instant madeAt) {
    b.append("## Fixes suggested, and remediation already tried\n\n");
    b.append("### Remediation already tried\n\n");
    if (tried.isEmpty()) {
      b.append("None was recorded (in the chat: \"tried WHAT\"; on the command line: `--tried \"WHAT\"`). Write here what was "
          + "already changed (NSG rules, VM restarts, probe edits) and when, before you file the request.\n\n");
    } else {
      b.append("| # | what was tried | did it help | who | when | how it was given |\n|---:|---|---|---|---|---|\n");
      int i = 1;
      for (RemediationTried t : tried) {
        b.append("| ").append(i++).append(" | ").append(Md.cell(oneLine(t.what()))).append(" | ")
            .append(t.stillFailing() ? "no: still failing, as the user said" : "not said").append(" | ")
            .append(Md.cell(t.by() == null ? "command line" : t.by())).append(" | ")
            .append(t.at() != null ? t.at().toString() : "by " + madeAt + " (given with the bundle)").append(" | ")
            .append(Md.cell(t.source())).append(" |\n");
      }
      b.append('\n');
    }
    b.append("### Fixes suggested by lb-triage\n\n");
    if (d.remediation().isEmpty()) {
      b.append("No fix is suggested: no cause is confirmed or pointed to by the facts.\n\n");
      return;
    }
    for (Diagnosis.Remediation r : d.remediation()) {
      b.append("#### ").append(Md.code(r.cause())).append(" (").append(r.status()).append(")\n\n");
      r.steps().forEach(s -> b.append("- ").append(Md.text(oneLine(s))).append('\n'));
      if (!r.commands().isEmpty()) {
        String commands = String.join("\n\n", r.commands().stream().map(c -> "# " + oneLine(c.description()) + "\n" + c.command()).toList());
        b.append("\n```bash\n").append(commands.replace("```", "` ` `")).append("\n```\n");
      }
      r.notes().forEach(n -> b.append("\nNote: ").append(Md.text(n)).append('\n'));
      b.append('\n');
    }
  }

  static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }
}
