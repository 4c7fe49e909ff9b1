package dev.lbtriage.engine.bundle;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.VirtualMachine;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The seed's "Additional network captures" filled in for this case: one backend VM to test, a test
 * VM in the same VNet, PsPing/TCPing to the real probe and data ports, simultaneous Netsh trace
 * (tcpdump on Linux) start and stop commands, and what to look for. A value the facts do not give
 * is never left as a placeholder: the text says what to use instead and where to find it.
 */
final class CapturePlan {
  private CapturePlan() {}

  static String markdown(AzureFacts facts, LoadBalancer lb, String ip) {
    StringBuilder b = new StringBuilder("# Capture plan for ").append(Md.text(lb.name())).append("\n\n");
    b.append("What Azure support asks for before a load balancer case (the *Additional network captures* of Microsoft's "
        + "*Troubleshoot Azure Load Balancer*), filled in for this load balancer. Run it when the fix in "
        + "[SUMMARY.md](SUMMARY.md) did not help, and attach the files it produces to the support request.\n\n");
    Optional<PoolMember> anyMember = lb.pools().stream().flatMap(p -> p.members().stream()).findFirst();
    if (ip == null && (anyMember.isEmpty() || anyMember.get().vmssId() == null)) {
      b.append("The backend pools of ").append(Md.code(lb.name())).append(" have no member with an address in the facts, so there is "
          + "no backend to test. Add the VMs to a backend pool first (Azure portal > the load balancer > Backend pools), then run "
          + "`lb-triage bundle` again to get this plan with their addresses.\n");
      return b.toString();
    }
    if (ip == null) {
      String vmss = anyMember.get().vmssId();
      b.append("The addresses of scale set ").append(Md.code(ArmId.name(vmss))).append("'s instances are not in the facts. List them "
          + "(Azure Cloud Shell or any machine with the az CLI):\n\n```\naz vmss nic list -g ").append(ArmId.resourceGroup(vmss))
          .append(" --vmss-name ").append(ArmId.name(vmss)).append(" --query \"[].ipConfigurations[].privateIPAddress\" -o tsv\n```\n\n")
          .append("Pick one address it prints and set it on both VMs before the commands below: in a Linux shell `export BACKEND_IP=` "
              + "followed by the address, in a Windows command prompt `set BACKEND_IP=` followed by the address; the commands read "
              + "`$BACKEND_IP` / `%BACKEND_IP%`.\n\n");
    }
    String ipLinux = ip != null ? ip : "$BACKEND_IP";
    String ipWin = ip != null ? ip : "%BACKEND_IP%";
    PoolMember member = BackendChoice.member(lb, ip).orElse(anyMember.get());
    Optional<VirtualMachine> vm = Optional.ofNullable(member.vmId()).flatMap(facts::vm);
    String backendName = vm.map(VirtualMachine::name).orElse(member.vmssId() != null
        ? ArmId.name(member.vmssId()) + " instance " + member.vmssInstanceId()
        : member.nicId() != null ? "the VM of NIC " + ArmId.name(member.nicId()) : "the VM at " + ipLinux);
    String fileTag = vm.map(VirtualMachine::name).orElse(ip != null ? ip : ArmId.name(member.vmssId())).replaceAll("[^A-Za-z0-9._-]", "-");
    Optional<LoadBalancingRule> rule = lb.rules().stream()
        .filter(r -> r.backendPoolIds().stream().anyMatch(p -> ArmId.same(p, member.poolId()))).findFirst();
    Optional<HealthProbe> probe = rule.flatMap(r -> lb.probes().stream().filter(p -> ArmId.same(p.id(), r.probeId())).findFirst())
        .or(() -> lb.probes().stream().findFirst());
    List<Integer> dataPorts = lb.rules().stream().filter(r -> r.backendPoolIds().stream().anyMatch(p -> ArmId.same(p, member.poolId())))
        .map(LoadBalancingRule::backendPort).filter(p -> p > 0).distinct().sorted().toList();
    List<Integer> ports = new java.util.ArrayList<>();
    probe.ifPresent(p -> ports.add(p.port()));
    dataPorts.stream().filter(p -> !ports.contains(p)).forEach(ports::add);
    Optional<PoolMember> peer = BackendChoice.peer(facts, lb, ip);
    Optional<VirtualMachine> peerVm = peer.map(PoolMember::vmId).flatMap(facts::vm);
    String vnet = Optional.ofNullable(member.nicId()).flatMap(facts::nic).flatMap(n -> n.ipConfigurations().stream()
        .filter(c -> c.privateIp() != null && c.privateIp().equals(ip)).findFirst()).map(c -> c.subnetId())
        .map(s -> "VNet " + ArmId.name(ArmId.parent(s)) + " (subnet " + ArmId.name(s) + ")").orElse("the same VNet as the backend");
    String testName = peer.map(p -> peerVm.map(VirtualMachine::name).orElse("the backend") + " (" + p.ipAddress() + ")")
        .orElse("another VM in " + vnet);
    String testTag = peerVm.map(VirtualMachine::name).orElse(peer.map(PoolMember::ipAddress).orElse("test-vm")).replaceAll("[^A-Za-z0-9._-]", "-");

    b.append("## 1. The VMs\n\n");
    b.append("| role | VM | address | OS |\n|---|---|---|---|\n");
    b.append("| backend under test | ").append(Md.cell(backendName)).append(" | ").append(ip != null ? ip : "one of the addresses listed above").append(" | ").append(Md.cell(os(vm, member))).append(" |\n");
    b.append("| test VM (runs PsPing) | ").append(Md.cell(peer.isPresent() ? peerVm.map(VirtualMachine::name).orElse("backend " + peer.get().ipAddress())
        : "any other VM in " + vnet + "; if there is none, create a small one in that subnet")).append(" | ")
        .append(peer.map(PoolMember::ipAddress).orElse("its private IP (portal > the VM > Networking)")).append(" | ")
        .append(Md.cell(peer.map(p -> os(peerVm, p)).orElse("Windows or Linux: use the commands for its OS"))).append(" |\n\n");
    b.append("Ports to test: ");
    probe.ifPresent(p -> b.append("probe ").append(Md.code(p.name())).append(" on ").append(p.port()).append(" (")
        .append(p.protocol() == null ? "?" : p.protocol().display()).append(p.http() && p.requestPath() != null ? " " + p.requestPath() : "")
        .append(p.intervalSeconds() == null ? "" : ", every " + p.intervalSeconds() + " s").append(")"));
    if (probe.isEmpty()) {
      b.append("no health probe in the facts");
    }
    b.append("; data port").append(dataPorts.size() == 1 ? " " : "s ")
        .append(dataPorts.isEmpty() ? "none (no load-balancing rule serves this pool)" : join(dataPorts)).append(".\n\n");

    b.append("## 2. Start a trace on both VMs at the same time\n\n");
    b.append("On the backend under test, ").append(Md.text(backendName)).append(":\n\n");
    traceStart(b, vm, member, "lb-backend-" + fileTag, filter(ports, null));
    b.append("On the test VM, ").append(Md.text(testName)).append(":\n\n");
    traceStart(b, peerVm, peer.orElse(null), "lb-test-" + testTag, filter(ports, ipLinux));

    b.append("## 3. Test the ports from the test VM for about a minute\n\n");
    b.append("Windows ([PsPing](https://learn.microsoft.com/sysinternals/downloads/psping); TCPing works the same way):\n\n```\n");
    for (int p : ports) {
      b.append("psping -n 60 -i 1 ").append(ipWin).append(':').append(p).append('\n');
      b.append("tcping -n 60 ").append(ipWin).append(' ').append(p).append('\n');
    }
    b.append("```\n\nLinux:\n\n```\n");
    for (int p : ports) {
      b.append("for i in $(seq 60); do nc -vz -w 3 ").append(ipLinux).append(' ').append(p).append("; sleep 1; done\n");
    }
    probe.filter(HealthProbe::http).ifPresent(p -> b.append("curl -sv -o /dev/null ")
        .append(p.protocol().name().toLowerCase(Locale.ROOT)).append("://").append(ipLinux).append(':').append(p.port())
        .append(p.requestPath() == null ? "/" : p.requestPath().startsWith("/") ? p.requestPath() : "/" + p.requestPath()).append('\n'));
    b.append("```\n\nKeep the output (copy it to a text file).\n\n");

    b.append("## 4. Stop both traces\n\n");
    b.append("On the test VM first, then on the backend. Windows: `netsh trace stop` (it writes the .etl file and a .cab; "
        + "this can take a minute). Linux: press Ctrl+C in the tcpdump window.\n\n");
    b.append("Files to attach: ");
    b.append(Md.code(file(vm, "lb-backend-" + fileTag))).append(" from the backend, ").append(Md.code(file(peerVm, "lb-test-" + testTag)))
        .append(" from the test VM, and the PsPing/TCPing output.\n\n");

    b.append("## 5. What to look for\n\n");
    probe.ifPresent(p -> b.append("- On the backend trace, probe packets from `" + dev.lbtriage.rules.network.ServiceTags.AZURE_LOAD_BALANCER_IP + "` to port ").append(p.port())
        .append(p.intervalSeconds() == null ? "" : " about every " + p.intervalSeconds() + " s")
        .append(": a TCP SYN answered by SYN-ACK").append(p.http() ? ", then an HTTP GET " + (p.requestPath() == null ? "/" : p.requestPath())
            + " answered with `200 OK` (any other status marks the backend down)" : "")
        .append(". No probe packets at all: an NSG or a route stops them before the VM.\n"));
    b.append("- For each PsPing/TCPing attempt, the SYN from the test VM must appear in the backend trace (incoming) and a SYN-ACK "
        + "must leave it (outgoing).\n");
    b.append("- No incoming packets on the backend: a network security group or a user-defined route (UDR) blocks the traffic before "
        + "the VM (see the NSG hops in [the path picture](traffic-path.svg)).\n");
    b.append("- Incoming but no outgoing packets: the VM itself: an application not listening on the port, or the guest firewall "
        + "(Windows Firewall, iptables/nftables) dropping it.\n");
    b.append("- Replies leaving towards another next hop than the sender (a virtual appliance): the packets are forced elsewhere by a "
        + "UDR and never reach the load balancer.\n");
    probe.filter(HealthProbe::http).ifPresent(p -> b.append("- To tell the probe's configuration from the network, a TCP probe on the "
        + "same port (").append(p.port()).append(") shows whether only the HTTP answer fails.\n"));
    return b.toString();
  }

  private static void traceStart(StringBuilder b, Optional<VirtualMachine> vm, PoolMember m, String name, String filter) {
    String os = vm.map(VirtualMachine::osType).orElse(null);
    boolean windows = os == null || os.toLowerCase(Locale.ROOT).startsWith("win");
    boolean linux = os == null || !windows;
    if (os == null) {
      b.append("(Its OS is not in the facts: use the block for the OS it runs.)\n\n");
    }
    if (windows) {
      b.append("Windows, in an elevated command prompt:\n\n```\nmkdir C:\\temp\nnetsh trace start capture=yes tracefile=C:\\temp\\")
          .append(name).append(".etl maxsize=1024 overwrite=yes\n```\n\n");
    }
    if (linux) {
      b.append("Linux, in a shell left open:\n\n```\nsudo tcpdump -i any -nn -s 0 -w /tmp/").append(name).append(".pcap \"")
          .append(filter).append("\"\n```\n\n");
    }
  }

  private static String file(Optional<VirtualMachine> vm, String name) {
    String os = vm.map(VirtualMachine::osType).orElse(null);
    if (os == null) {
      return "C:\\temp\\" + name + ".etl or /tmp/" + name + ".pcap";
    }
    return os.toLowerCase(Locale.ROOT).startsWith("win") ? "C:\\temp\\" + name + ".etl" : "/tmp/" + name + ".pcap";
  }

  private static String filter(List<Integer> ports, String host) {
    String p = ports.isEmpty() ? "tcp" : String.join(" or ", ports.stream().map(x -> "tcp port " + x).toList());
    return host == null ? p + " or host " + dev.lbtriage.rules.network.ServiceTags.AZURE_LOAD_BALANCER_IP : "host " + host + " and (" + p + ")";
  }

  private static String os(Optional<VirtualMachine> vm, PoolMember m) {
    if (vm.isPresent() && vm.get().osType() != null) {
      return vm.get().osType();
    }
    return "not in the facts (portal > the VM > Overview > Operating system)";
  }

  private static String join(List<Integer> ports) {
    return String.join(", ", ports.stream().map(String::valueOf).toList());
  }
}
