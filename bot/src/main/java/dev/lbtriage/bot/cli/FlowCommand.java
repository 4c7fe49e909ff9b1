package dev.lbtriage.bot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NicIpConfiguration;
import dev.lbtriage.rules.facts.TransportProtocol;
import dev.lbtriage.rules.network.Flow;
import dev.lbtriage.rules.network.FlowEvaluator;
import dev.lbtriage.rules.network.FlowVerdict;
import dev.lbtriage.rules.network.IpPrefix;
import dev.lbtriage.rules.network.NsgDecision;
import dev.lbtriage.rules.network.ServiceTags;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lb-triage flow}: an offline IP flow verify against the NSGs in a snapshot. */
@Command(
    name = "flow",
    header = "Offline IP flow verify: allowed or denied by the NSGs, and by which rule.",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Check offline whether the NSGs in a snapshot let a flow through to (or out of) a NIC, like Azure's IP flow "
          + "verify: ALLOWED, DENIED or UNKNOWN, and which rule of which NSG decided at each level (subnet, NIC), "
          + "with the file it came from. The NIC's effective security rules are used when the snapshot has them.",
      "Inbound (default): from --from to the NIC named by --to, on --port. Outbound: from the NIC named by --from "
          + "to the address or tag in --to, on --port."
    },
    footer = {
      "",
      "Examples:",
      "  lb-triage flow --snapshot ./incident-42 --to 10.0.0.4 --port 80",
      "  lb-triage flow --snapshot ./incident-42 --to web-nic --port 8080 \\",
      "      --from AzureLoadBalancer",
      "  lb-triage flow --snapshot ./incident-42 --direction outbound \\",
      "      --from 10.0.0.4 --to 1.2.3.4 --port 443",
      "",
      "Exit codes: 0 evaluated (whatever the verdict); 2 bad input, with a",
      "one-line reason on stderr; 1 unexpected failure."
    })
final class FlowCommand implements Callable<Integer> {

  /** Protocols a flow can have here. */
  enum Protocol {
    Tcp(TransportProtocol.TCP),
    Udp(TransportProtocol.UDP);

    final TransportProtocol transport;

    Protocol(TransportProtocol transport) {
      this.transport = transport;
    }
  }

  /** Seen from the NIC. */
  enum Way {
    inbound,
    outbound
  }

  private static final int LISTED = 12;

  @Mixin SnapshotOption snapshot;

  @Option(names = "--to", paramLabel = "NIC_OR_IP", required = true,
      description = "Inbound: the NIC (name, ARM id or private IP). Outbound: the destination (IP or service tag).")
  String to;

  @Option(names = "--port", paramLabel = "N", required = true, description = "Destination port, 0-65535.")
  int port;

  @Option(names = "--from", paramLabel = "IP|TAG",
      description = "Inbound: the source, an IP or a tag (Internet, VirtualNetwork, AzureLoadBalancer); default Internet. "
          + "Outbound: the NIC (name, ARM id or private IP), required.")
  String from;

  @Option(names = "--protocol", paramLabel = "Tcp|Udp", defaultValue = "Tcp", description = "Tcp (default) or Udp.")
  Protocol protocol = Protocol.Tcp;

  @Option(names = "--direction", paramLabel = "inbound|outbound", defaultValue = "inbound",
      description = "inbound (default) or outbound, seen from the NIC.")
  Way direction = Way.inbound;

  @Mixin FormatOption format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw new BadInputException("--port " + port + " is outside 0-65535");
    }
    boolean inbound = direction == Way.inbound;
    String nicArg = inbound ? to : from;
    String remoteArg = inbound ? (from == null ? ServiceTags.INTERNET : from) : to;
    if (nicArg == null) {
      throw new BadInputException("with --direction outbound, --from names the NIC (its name, ARM id or private IP) "
          + "and --to the destination");
    }
    String remote = endpoint(remoteArg, inbound ? "--from" : "--to");

    SnapshotReader reader = snapshot.open();
    // Every NIC, NSG and subnet in the folder, not only those behind one load balancer.
    AzureFacts facts = AllFacts.of(reader);
    NicTarget nic = findNic(facts, nicArg.trim(), inbound ? "--to" : "--from");

    Flow flow = inbound
        ? Flow.inbound(remote, nic.ip(), port, protocol.transport)
        : Flow.outbound(nic.ip(), remote, port, protocol.transport);
    FlowVerdict verdict = FlowEvaluator.forNic(facts, nic.evaluateAs(), flow);

    if (format.data()) {
      ObjectNode root = JsonOutput.object();
      root.put("source", reader.describe());
      ObjectNode n = root.putObject("nic");
      n.put("name", nic.nic().name());
      n.put("id", nic.nic().id());
      n.put("ipAddress", nic.ip());
      n.put("file", nic.nic().origin() == null ? null : nic.nic().origin().file());
      root.setAll(Verdicts.verdictJson(verdict));
      root.set("problems", ProblemReport.json(facts.problems()));
      Output.Rows rows = Output.Rows.of("nic", "flow", "level", "verdict", "reason");
      for (com.fasterxml.jackson.databind.JsonNode d : root.path("decisions")) {
        rows.add(nic.nic().name(), Verdicts.flowText(flow), d.path("level").asText(), d.path("verdict").asText(), d.path("describe").asText());
      }
      if (rows.rows().isEmpty()) {
        rows.add(nic.nic().name(), Verdicts.flowText(flow), "", root.path("verdict").asText(), "");
      }
      Output.print(out, format, () -> root, () -> rows, () -> { });
    } else {
      ProblemReport.warn(err, facts.problems());
      out.println(Verdicts.word(verdict.verdict()) + "  " + Verdicts.flowText(flow) + "  at NIC " + nic.nic().name());
      int i = 1;
      for (NsgDecision d : verdict.decisions()) {
        out.println("  " + i++ + ". " + d.describe());
      }
      for (String note : verdict.notes()) {
        out.println("  note: " + note);
      }
      out.flush();
    }
    return Main.EXIT_OK;
  }

  /** An IP address or a service tag, in its canonical spelling. */
  private static String endpoint(String s, String option) {
    String t = s.trim();
    if (IpPrefix.isAddress(t)) {
      return t;
    }
    Optional<String> tag = ServiceTags.canonical(t);
    if (tag.isPresent() && !"*".equals(tag.get())) {
      return tag.get();
    }
    throw new BadInputException(option + " '" + s + "' is neither an IP address nor one of the tags Internet, "
        + "VirtualNetwork, AzureLoadBalancer");
  }

  /** The NIC to evaluate at, how to name it to the evaluator, and the address the flow uses. */
  record NicTarget(NetworkInterface nic, String evaluateAs, String ip) {}

  private static NicTarget findNic(AzureFacts facts, String arg, String option) {
    List<NetworkInterface> nics = facts.networkInterfaces();
    if (IpPrefix.isAddress(arg)) {
      IpPrefix ip = IpPrefix.parse(arg);
      for (NetworkInterface n : nics) {
        for (NicIpConfiguration c : n.ipConfigurations()) {
          if (c.privateIp() != null && IpPrefix.isAddress(c.privateIp()) && IpPrefix.parse(c.privateIp()).equals(ip)) {
            return new NicTarget(n, arg, arg);
          }
        }
      }
      throw new BadInputException("no NIC with IP " + arg + " in the snapshot; " + known(nics));
    }
    List<NetworkInterface> matches = nics.stream().filter(n -> ArmId.same(n.id(), arg)).toList();
    if (matches.isEmpty()) {
      matches = nics.stream().filter(n -> n.name().equalsIgnoreCase(arg)).toList();
    }
    if (matches.isEmpty()) {
      String hint = ServiceTags.canonical(arg).isPresent() ? " (" + option + " names a NIC here, not a tag)" : "";
      throw new BadInputException("no NIC '" + arg + "' in the snapshot" + hint + "; " + known(nics));
    }
    if (matches.size() > 1) {
      throw new BadInputException("several NICs are named '" + arg + "'; pass a private IP or the ARM id to " + option
          + " instead: " + matches.stream().map(FlowCommand::nicLabel).limit(LISTED).collect(Collectors.joining(", ")));
    }
    NetworkInterface n = matches.get(0);
    NicIpConfiguration primary = n.ipConfigurations().stream().filter(NicIpConfiguration::primary).findFirst()
        .orElse(n.ipConfigurations().isEmpty() ? null : n.ipConfigurations().get(0));
    if (primary == null || primary.privateIp() == null) {
      throw new BadInputException("NIC '" + n.name() + "' has no private IP in the snapshot; pass its IP to " + option);
    }
    return new NicTarget(n, n.id(), primary.privateIp());
  }

  private static String known(List<NetworkInterface> nics) {
    if (nics.isEmpty()) {
      return "the snapshot holds no NIC (add az network nic show output)";
    }
    String list = nics.stream().limit(LISTED).map(FlowCommand::nicLabel).collect(Collectors.joining(", "));
    return "it has " + nics.size() + (nics.size() == 1 ? " NIC: " : " NICs: ") + list
        + (nics.size() > LISTED ? ", ... (" + (nics.size() - LISTED) + " more)" : "");
  }

  private static String nicLabel(NetworkInterface n) {
    String ips = n.ipConfigurations().stream().map(NicIpConfiguration::privateIp).filter(java.util.Objects::nonNull)
        .collect(Collectors.joining("/"));
    return n.name() + (ips.isEmpty() ? "" : " (" + ips + ")");
  }
}
