package dev.lbtriage.bot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.bot.cli.LoadBalancerView.Check;
import dev.lbtriage.bot.cli.LoadBalancerView.MemberView;
import dev.lbtriage.bot.cli.LoadBalancerView.PoolView;
import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.Frontend;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.InboundNatRule;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.MissingFact;
import dev.lbtriage.rules.facts.PowerState;
import dev.lbtriage.rules.facts.ProbeProtocol;
import dev.lbtriage.rules.facts.SnapshotProblem;
import dev.lbtriage.rules.network.FlowVerdict;
import dev.lbtriage.rules.network.NsgDecision;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lb-triage show}: the load balancer as lb-triage sees it, with NSG verdicts per member. */
@Command(
    name = "show",
    header = "Show a load balancer, its members, and whether NSGs let probes and traffic in.",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Show a load balancer as lb-triage sees it: SKU, frontends, rules, probes, NAT rules, pools and their members "
          + "(NIC, VM, power state); for each member whether its NSGs let the health probe (from AzureLoadBalancer) "
          + "and the data traffic (from Internet, or VirtualNetwork for an internal frontend) in, and by which rule; "
          + "the route to the probe source (AzureLoadBalancer) when effective routes were captured; and what the snapshot is missing.",
      "With several load balancers in the snapshot and no --lb, lists them."
    },
    footer = {
      "",
      "Examples:",
      "  lb-triage show --snapshot ./incident-42",
      "  lb-triage show --snapshot ./incident-42 --lb web-lb",
      "  lb-triage show --snapshot ./incident-42 --lb web-lb --format json",
      "",
      "Exit codes: 0 shown (or listed); 2 bad input, with a one-line reason",
      "on stderr; 1 unexpected failure."
    })
final class ShowCommand implements Callable<Integer> {

  @Mixin SnapshotOption snapshot;

  @Option(names = {"--lb", "-n", "--name"}, paramLabel = "NAME", description = "The load balancer to show (name or ARM id); needed when the snapshot holds several.")
  String lbName;

  @Mixin FormatOption format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SnapshotReader reader = snapshot.open();
    List<LoadBalancerSummary> all = reader.loadBalancers();
    if (all.isEmpty()) {
      List<SnapshotProblem> problems = reader.everything(Progress.none()).problems();
      ProblemReport.warn(err, problems);
      throw new BadInputException("no load balancer in " + reader.describe()
          + "; add one captured with: az network lb show -g RG -n LB > lb.json");
    }
    if (lbName == null && all.size() > 1) {
      list(reader, all, out, err);
      return Main.EXIT_OK;
    }
    LoadBalancerSummary chosen = lbName == null ? all.get(0) : pick(all, lbName, reader);
    AzureFacts facts = reader.gather(chosen.id(), Progress.none());
    LoadBalancer lb = facts.loadBalancer(chosen.id()).orElseThrow();
    LoadBalancerView view = LoadBalancerView.of(lb, facts);
    if (format.data()) {
      ObjectNode root = json(view, reader.describe());
      root.set("problems", ProblemReport.json(facts.problems()));
      Output.print(out, format, () -> root, () -> memberRows(root), () -> { });
    } else {
      ProblemReport.warn(err, facts.problems());
      text(view, reader.describe(), out);
      out.flush();
    }
    return Main.EXIT_OK;
  }

  /** One row per backend member and flow checked: the compact view of -o table / tsv. */
  private static Output.Rows memberRows(ObjectNode root) {
    Output.Rows r = Output.Rows.of("loadBalancer", "pool", "member", "vm", "power", "check", "flow", "verdict");
    String lb = root.path("loadBalancer").path("name").asText();
    for (com.fasterxml.jackson.databind.JsonNode p : root.path("pools")) {
      for (com.fasterxml.jackson.databind.JsonNode m : p.path("members")) {
        String ip = m.path("ipAddress").asText("?");
        String vm = m.path("vm").isNull() ? "" : m.path("vm").asText();
        String power = m.path("powerState").isNull() ? "" : m.path("powerState").asText();
        boolean any = false;
        for (String kind : List.of("probeFlows", "dataFlows")) {
          for (com.fasterxml.jackson.databind.JsonNode c : m.path(kind)) {
            String name = (kind.equals("probeFlows") ? "probe " + c.path("probe").asText() : "rule " + c.path("rule").asText());
            com.fasterxml.jackson.databind.JsonNode f = c.path("flow");
            r.add(lb, p.path("name").asText(), ip, vm, power, name,
                f.path("source").asText() + " -> " + f.path("destination").asText() + ":" + f.path("destinationPort").asText()
                    + "/" + f.path("protocol").asText(), c.path("verdict").asText());
            any = true;
          }
        }
        if (!any) {
          r.add(lb, p.path("name").asText(), ip, vm, power, "", "", "");
        }
      }
    }
    return r;
  }

  private static LoadBalancerSummary pick(List<LoadBalancerSummary> all, String wanted, SnapshotReader reader) {
    List<LoadBalancerSummary> byId = all.stream().filter(s -> ArmId.same(s.id(), wanted)).toList();
    if (!byId.isEmpty()) {
      return byId.get(0);
    }
    List<LoadBalancerSummary> byName = all.stream().filter(s -> s.name().equalsIgnoreCase(wanted.trim())).toList();
    if (byName.size() == 1) {
      return byName.get(0);
    }
    if (byName.size() > 1) {
      throw new BadInputException("several load balancers are named '" + wanted + "'; pass the ARM id to --lb, one of: "
          + byName.stream().map(LoadBalancerSummary::id).collect(Collectors.joining(", ")));
    }
    throw new BadInputException("no load balancer '" + wanted + "' in " + reader.describe() + "; it has: "
        + all.stream().map(LoadBalancerSummary::name).collect(Collectors.joining(", ")));
  }

  // ---- several load balancers --------------------------------------------------------------

  private void list(SnapshotReader reader, List<LoadBalancerSummary> all, PrintWriter out, PrintWriter err) {
    List<SnapshotProblem> problems = reader.everything(Progress.none()).problems();
    if (format.data()) {
      ObjectNode root = JsonOutput.object();
      root.put("source", reader.describe());
      ArrayNode a = root.putArray("loadBalancers");
      for (LoadBalancerSummary s : all) {
        ObjectNode o = a.addObject();
        o.put("name", s.name());
        o.put("resourceGroup", s.resourceGroup());
        o.put("location", s.location());
        o.put("sku", JsonOutput.azureCase(s.sku()));
        o.put("internal", s.internal());
        o.put("id", s.id());
        o.put("file", s.source());
      }
      root.set("problems", ProblemReport.json(problems));
      Output.Rows rows = Output.Rows.of("name", "resourceGroup", "sku", "type", "file");
      for (LoadBalancerSummary s : all) {
        rows.add(s.name(), s.resourceGroup(), JsonOutput.azureCase(s.sku()), s.internal() ? "internal" : "public", s.source());
      }
      Output.print(out, format, () -> root, () -> rows, () -> { });
      return;
    }
    ProblemReport.warn(err, problems);
    out.println(all.size() + " load balancers in " + reader.describe() + ":");
    TextTable t = new TextTable("  ").row("NAME", "RESOURCE GROUP", "SKU", "TYPE", "FILE");
    for (LoadBalancerSummary s : all) {
      t.row(s.name(), s.resourceGroup(), JsonOutput.azureCase(s.sku()), s.internal() ? "internal" : "public", s.source());
    }
    t.print(out);
    out.println("Pick one with --lb NAME, e.g. " + Hints.command() + " show --snapshot " + Hints.quote(snapshot.folder().toString())
        + " --lb " + all.get(0).name());
    out.flush();
  }

  // ---- text -------------------------------------------------------------------------------------

  private static void text(LoadBalancerView v, String source, PrintWriter out) {
    LoadBalancer lb = v.lb();
    out.println("Load balancer " + lb.name() + "  (" + JsonOutput.azureCase(lb.sku()) + ", "
        + (lb.internal() ? "internal" : "public") + ", resource group " + lb.resourceGroup()
        + (lb.location() == null ? "" : ", " + lb.location()) + ")");
    out.println("From " + source);
    if (lb.sku().retirementNotice(lb.name(), lb.resourceGroup()) != null) {
      out.println("NOTE: " + lb.sku().retirementNotice(lb.name(), lb.resourceGroup()));
    }

    section(out, "Frontends", lb.frontends().size());
    TextTable fe = new TextTable("  ");
    for (Frontend f : lb.frontends()) {
      fe.row(f.name(), f.isPublic() ? "public" : "private", f.address() == null ? "(address not in snapshot)" : f.address(),
          f.isPublic() ? "public IP " + ArmId.name(f.publicIpId()) : f.subnetId() == null ? "" : "subnet " + ArmId.name(f.subnetId()));
    }
    fe.print(out);

    section(out, "Load-balancing rules", lb.rules().size());
    TextTable rt = new TextTable("  ");
    for (LoadBalancingRule r : lb.rules()) {
      rt.row(r.name(), JsonOutput.azureCase(r.protocol()),
          name(r.frontendId()) + ":" + port(r.frontendPort(), r) + " -> "
              + r.backendPoolIds().stream().map(ArmId::name).collect(Collectors.joining(",")) + ":" + port(r.backendPort(), r),
          r.probeId() == null ? "no probe" : "probe " + name(r.probeId()),
          r.floatingIp() ? "floating IP on" : "floating IP off");
    }
    rt.print(out);

    section(out, "Probes", lb.probes().size());
    TextTable pt = new TextTable("  ");
    for (HealthProbe p : lb.probes()) {
      pt.row(p.name(), JsonOutput.azureCase(p.protocol()), ":" + p.port(),
          p.protocol() == ProbeProtocol.TCP || p.requestPath() == null ? "" : p.requestPath(), probeTiming(p));
    }
    pt.print(out);

    if (!lb.natRules().isEmpty()) {
      section(out, "Inbound NAT rules", lb.natRules().size());
      TextTable nt = new TextTable("  ");
      for (InboundNatRule n : lb.natRules()) {
        nt.row(n.name(), JsonOutput.azureCase(n.protocol()), name(n.frontendId()) + ":" + n.frontendPort() + " -> " + n.backendPort(),
            n.backendIpConfigurationId() == null ? "(no backend)" : ipConfigName(n.backendIpConfigurationId()));
      }
      nt.print(out);
    }

    section(out, "Backend pools", lb.pools().size());
    for (PoolView p : v.pools()) {
      List<LoadBalancingRule> rules = LoadBalancerView.rulesOf(lb, p.pool());
      out.println("  " + p.pool().name() + ": " + p.members().size() + (p.members().size() == 1 ? " member" : " members")
          + (rules.isEmpty() ? ", no rule sends to it" : ", rules " + rules.stream().map(LoadBalancingRule::name).collect(Collectors.joining(", "))));
      if (!p.members().isEmpty()) {
        out.println("    probe flows: " + tally(p.members(), true) + "; data flows: " + tally(p.members(), false));
      }
      for (MemberView m : p.members()) {
        member(m, out);
      }
    }

    List<MissingFact> missing = v.facts().missing();
    if (!missing.isEmpty()) {
      section(out, "Missing facts, treated as unknown", missing.size());
      TextTable mt = new TextTable("  ");
      for (MissingFact m : missing) {
        mt.row(m.kind(), Names.of(m.reference()), "referenced by " + Names.of(m.referencedBy()) + ": " + m.reason());
      }
      mt.print(out);
    }
  }

  private static void member(MemberView m, PrintWriter out) {
    List<String> head = new ArrayList<>();
    head.add(m.ip() == null ? "(IP unknown)" : m.ip());
    head.add("NIC " + (m.nicName() == null ? "?" : m.nicName()) + (m.nic() == null && m.nicName() != null ? " (not in snapshot)" : ""));
    if (m.vmName() != null) {
      head.add("VM " + m.vmName() + (m.vmKnown() ? "" : " (not in snapshot)"));
    }
    head.add(powerWord(m.powerState()));
    out.println("    " + String.join("  ", head));
    List<Check> checks = concat(m.probeChecks(), m.dataChecks());
    // Notes every flow shares (e.g. "evaluated the NIC's effective security rules") are said once.
    List<FlowVerdict> flows = checks.stream().flatMap(c -> c.flows().stream()).toList();
    List<String> common = flows.isEmpty() ? List.of() : new ArrayList<>(flows.get(0).notes());
    flows.forEach(f -> common.retainAll(f.notes()));
    for (String n : common) {
      out.println("      " + n);
    }
    printChecks(checks, common, out);
    if (m.route() != null) {
      out.println("      route to " + dev.lbtriage.rules.network.ServiceTags.AZURE_LOAD_BALANCER_IP + ": " + m.route().describe());
    }
    for (String n : m.notes()) {
      out.println("      note: " + n);
    }
  }

  private static void printChecks(List<Check> checks, List<String> said, PrintWriter out) {
    java.util.function.Function<Check, String> labels = c -> label(c, checks);
    int w1 = checks.stream().mapToInt(c -> labels.apply(c).length()).max().orElse(0);
    int w2 = checks.stream().flatMap(c -> c.flows().stream()).mapToInt(f -> Verdicts.flowText(f.flow()).length()).max().orElse(0);
    for (Check c : checks) {
      String label = labels.apply(c);
      if (c.flows().size() == 1 && !c.byAzure()) {
        String flow = Verdicts.flowText(c.first().flow());
        out.println("      " + label + " ".repeat(w1 - label.length() + 2) + flow + " ".repeat(w2 - flow.length() + 2)
            + Verdicts.word(c.verdict()));
        decisions(c.first(), said, "        ", out);
        continue;
      }
      // several flows (protocol All), Network Watcher's verdict, or nothing evaluated: the verdict in force, then each flow
      out.println("      " + label + " ".repeat(w1 - label.length() + 2) + Verdicts.word(c.verdict())
          + (c.byAzure() ? " (Network Watcher IP flow verify)" : c.flows().size() > 1 ? " (over the flows below)" : ""));
      if (c.flows().isEmpty() || c.byAzure()) {
        out.println("        " + c.evidence());
      }
      for (FlowVerdict f : c.flows()) {
        out.println("        " + Verdicts.flowText(f.flow()) + "  " + Verdicts.word(f.verdict()));
        decisions(f, said, "          ", out);
      }
    }
  }

  /** {@code probe p} or, for a probe some rules share, {@code probe p (rule r)}; {@code rule r}. */
  private static String label(Check c, List<Check> all) {
    boolean shared = c.kind().equals("probe") && all.stream().filter(x -> x.kind().equals("probe") && x.name().equals(c.name())).count() > 1;
    return c.kind() + " " + c.name() + (shared ? " (rule " + c.ruleName() + ")" : "");
  }

  private static void decisions(FlowVerdict v, List<String> said, String indent, PrintWriter out) {
    for (NsgDecision d : v.decisions()) {
      out.println(indent + d.describe());
    }
    for (String n : v.notes()) {
      if (!said.contains(n)) {
        out.println(indent + "note: " + n);
      }
    }
  }

  /** E.g. {@code 998 allowed, 2 denied}, over every member's probe (or data) flows. */
  private static String tally(List<MemberView> members, boolean probes) {
    java.util.Map<dev.lbtriage.rules.network.Verdict, Long> counts = new java.util.EnumMap<>(dev.lbtriage.rules.network.Verdict.class);
    long unevaluated = 0;
    for (MemberView m : members) {
      List<Check> checks = probes ? m.probeChecks() : m.dataChecks();
      if (checks.isEmpty()) {
        unevaluated++;
      }
      for (Check c : checks) {
        counts.merge(c.verdict(), 1L, Long::sum);
      }
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((v, n) -> parts.add(n + " " + Verdicts.word(v).toLowerCase(Locale.ROOT)));
    if (unevaluated > 0) {
      parts.add(unevaluated + (unevaluated == 1 ? " member" : " members") + " without any");
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void section(PrintWriter out, String title, int count) {
    out.println();
    int comma = title.indexOf(',');
    String head = comma < 0 ? title + " (" + count + ")" : title.substring(0, comma) + " (" + count + ")" + title.substring(comma);
    out.println(head + (count == 0 ? ": none" : ""));
  }

  private static String powerWord(PowerState s) {
    return s == PowerState.UNKNOWN ? "power state unknown" : s.name().toLowerCase(Locale.ROOT);
  }

  private static String name(String id) {
    return id == null ? "?" : ArmId.name(id);
  }

  private static String ipConfigName(String ipConfigId) {
    return Names.ipConfiguration(ipConfigId);
  }

  private static String port(int port, LoadBalancingRule r) {
    return r.frontendPort() == 0 && r.backendPort() == 0 ? "* (HA ports)" : Integer.toString(port);
  }

  private static String probeTiming(HealthProbe p) {
    List<String> parts = new ArrayList<>();
    if (p.intervalSeconds() != null) {
      parts.add("every " + p.intervalSeconds() + "s");
    }
    if (p.numberOfProbes() != null) {
      parts.add("count " + p.numberOfProbes());
    }
    if (p.probeThreshold() != null) {
      parts.add("threshold " + p.probeThreshold());
    }
    return String.join(", ", parts);
  }

  // ---- JSON -------------------------------------------------------------------------------------

  private static ObjectNode json(LoadBalancerView v, String source) {
    LoadBalancer lb = v.lb();
    ObjectNode root = JsonOutput.object();
    root.put("source", source);
    ObjectNode l = root.putObject("loadBalancer");
    l.put("name", lb.name());
    l.put("id", lb.id());
    l.put("resourceGroup", lb.resourceGroup());
    l.put("location", lb.location());
    l.put("sku", JsonOutput.azureCase(lb.sku()));
    l.put("internal", lb.internal());
    l.put("file", lb.origin() == null ? null : lb.origin().file());
    l.put("notice", lb.sku().retirementNotice(lb.name(), lb.resourceGroup()));

    ArrayNode fes = root.putArray("frontends");
    for (Frontend f : lb.frontends()) {
      ObjectNode o = fes.addObject();
      o.put("name", f.name());
      o.put("id", f.id());
      o.put("public", f.isPublic());
      o.put("privateIp", f.privateIp());
      o.put("publicIp", f.publicIp());
      o.put("publicIpId", f.publicIpId());
      o.put("subnetId", f.subnetId());
    }
    ArrayNode rules = root.putArray("rules");
    for (LoadBalancingRule r : lb.rules()) {
      ObjectNode o = rules.addObject();
      o.put("name", r.name());
      o.put("id", r.id());
      o.put("protocol", JsonOutput.azureCase(r.protocol()));
      o.put("frontend", name(r.frontendId()));
      o.put("frontendPort", r.frontendPort());
      o.put("backendPort", r.backendPort());
      o.put("haPorts", r.frontendPort() == 0 && r.backendPort() == 0);
      o.set("backendPools", JsonOutput.strings(r.backendPoolIds().stream().map(ArmId::name).toList()));
      o.put("probe", r.probeId() == null ? null : ArmId.name(r.probeId()));
      o.put("floatingIp", r.floatingIp());
    }
    ArrayNode probes = root.putArray("probes");
    for (HealthProbe p : lb.probes()) {
      ObjectNode o = probes.addObject();
      o.put("name", p.name());
      o.put("id", p.id());
      o.put("protocol", JsonOutput.azureCase(p.protocol()));
      o.put("port", p.port());
      o.put("requestPath", p.requestPath());
      o.put("intervalSeconds", p.intervalSeconds());
      o.put("numberOfProbes", p.numberOfProbes());
      o.put("probeThreshold", p.probeThreshold());
    }
    ArrayNode nats = root.putArray("natRules");
    for (InboundNatRule n : lb.natRules()) {
      ObjectNode o = nats.addObject();
      o.put("name", n.name());
      o.put("id", n.id());
      o.put("protocol", JsonOutput.azureCase(n.protocol()));
      o.put("frontend", name(n.frontendId()));
      o.put("frontendPort", n.frontendPort());
      o.put("backendPort", n.backendPort());
      o.put("backendIpConfigurationId", n.backendIpConfigurationId());
    }
    ArrayNode pools = root.putArray("pools");
    for (PoolView p : v.pools()) {
      ObjectNode o = pools.addObject();
      o.put("name", p.pool().name());
      o.put("id", p.pool().id());
      o.set("rules", JsonOutput.strings(LoadBalancerView.rulesOf(lb, p.pool()).stream().map(LoadBalancingRule::name).toList()));
      ArrayNode members = o.putArray("members");
      for (MemberView m : p.members()) {
        members.add(memberJson(m));
      }
    }
    ArrayNode missing = root.putArray("missing");
    for (MissingFact m : v.facts().missing()) {
      ObjectNode o = missing.addObject();
      o.put("kind", m.kind());
      o.put("reference", m.reference());
      o.put("referencedBy", m.referencedBy());
      o.put("reason", m.reason());
    }
    return root;
  }

  private static ObjectNode memberJson(MemberView m) {
    ObjectNode o = JsonOutput.object();
    o.put("ipAddress", m.ip());
    o.put("nic", m.nicName());
    o.put("nicId", m.member().nicId());
    o.put("nicInSnapshot", m.nic() != null);
    o.put("ipConfigurationId", m.member().ipConfigurationId());
    o.put("vm", m.vmName());
    o.put("vmId", m.member().vmId());
    o.put("vmInSnapshot", m.vmKnown());
    o.put("vmss", m.member().vmssId() == null ? null : ArmId.name(m.member().vmssId()));
    o.put("vmssInstanceId", m.member().vmssInstanceId());
    o.put("powerState", m.powerState().name().toLowerCase(Locale.ROOT));
    o.set("probeFlows", checksJson(m.probeChecks()));
    o.set("dataFlows", checksJson(m.dataChecks()));
    if (m.route() == null) {
      o.putNull("routeToProbeSource");
    } else {
      o.set("routeToProbeSource", Verdicts.routeJson(m.route()));
    }
    o.set("notes", JsonOutput.strings(m.notes()));
    return o;
  }

  private static ArrayNode checksJson(List<Check> checks) {
    ArrayNode a = JsonOutput.array();
    for (Check c : checks) {
      ObjectNode o = JsonOutput.object();
      o.put(c.kind(), c.name());
      o.put("rule", c.ruleName());
      if (c.first() != null) {
        o.setAll(Verdicts.verdictJson(c.first()));
      }
      o.put("verdict", c.verdict().name());
      o.put("byAzure", c.byAzure());
      o.put("evidence", c.evidence());
      ArrayNode flows = o.putArray("flows");
      c.flows().forEach(f -> flows.add(Verdicts.verdictJson(f)));
      a.add(o);
    }
    return a;
  }
}
