package dev.lbtriage.bench;

import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Source;
import dev.lbtriage.kb.model.Symptom;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in knowledge base for the benchmarks: a copy of the kb module's test KB (written from the
 * seed page only). Replace with {@code KnowledgeBaseLoader.loadBundled()} once the bundled KB lands.
 */
final class BenchKnowledgeBase {
  private BenchKnowledgeBase() {}

  static KnowledgeBase get() {
    return new KnowledgeBase(
        List.of(
            symptom(
                "probe-down",
                "VMs behind the load balancer are not responding to health probes",
                "The load balancer's health probe marks backend pool VMs as unhealthy (health probe"
                    + " status below 100%, DipAvailability 0), so they stop receiving new flows. The"
                    + " triage checks the VM state, whether anything listens on the probe port, NSGs"
                    + " and firewalls blocking 168.63.129.16, and routes that divert the probe.",
                List.of(
                    "VMs behind the load balancer are not responding to health probes",
                    "backend pool VMs are unhealthy",
                    "health probe status is 0%",
                    "the health probe is failing",
                    "probe marks all instances down",
                    "backend shows unhealthy in the load balancer",
                    "DipAvailability dropped to zero",
                    "the VM does not answer the probe on the probe port",
                    "load balancer health check fails"),
                List.of("health probe", "probe port", "unhealthy", "DipAvailability", "168.63.129.16", "probe status"),
                List.of(
                    cause("vm-unhealthy", "Load Balancer backend pool VM is unhealthy",
                        "The VM itself is not healthy, stopped or failing, so it cannot answer the probe."),
                    cause("probe-port-not-listening", "Backend pool VM is not listening on the probe port",
                        "No application listens on the probe port, or the HTTP probe path returns an error."),
                    cause("probe-blocked", "Firewall or network security group is blocking the probe port",
                        "A guest firewall or an NSG rule with higher priority than AllowAzureLoadBalancerInBound"
                            + " denies traffic from 168.63.129.16 to the probe port."),
                    cause("probe-misrouted", "Other misconfigurations: probe traffic routed elsewhere",
                        "A user defined route sends traffic to a network virtual appliance so the probe"
                            + " response never returns; test with psping or tcping and a netsh trace."))),
            symptom(
                "data-port-down",
                "VMs behind the load balancer are not responding to traffic on the configured data port",
                "Backends are healthy in the probe but do not answer traffic on the data port of the"
                    + " load balancing rule. The triage checks that the application listens on the data"
                    + " port, that NSGs allow the clients' IPs, and whether the traffic comes from the"
                    + " backend itself.",
                List.of(
                    "VMs behind the load balancer are not responding to traffic on the configured data port",
                    "backends are healthy but traffic does not get through",
                    "data path availability is down while the probe is healthy",
                    "clients cannot connect to the frontend IP",
                    "connections to the load balancer time out",
                    "the application does not answer on the data port",
                    "calling the internal load balancer from a backend VM fails intermittently",
                    "a VM cannot reach the load balancer it is behind"),
                List.of("data port", "data path", "frontend", "client IP", "connection timeout", "hairpin"),
                List.of(
                    cause("data-port-not-listening", "Backend pool VM is not listening on the data port",
                        "The target port is not open on the VM or no application listens on it."),
                    cause("data-port-blocked", "Network security group is blocking the port on the backend VM",
                        "An NSG on the subnet or NIC blocks the source IP of the clients or the data port."),
                    cause("same-vm-nic", "Accessing the load balancer from the same VM and network interface",
                        "An application on a backend VM calls another application on the same VM through"
                            + " the load balancer over the same NIC, which is not supported."),
                    cause("ilb-hairpin", "Accessing the internal load balancer frontend from a backend pool VM",
                        "When the flow from a backend VM to its internal load balancer frontend is mapped"
                            + " back to the same VM the two halves of the flow do not match and the"
                            + " connection times out intermittently."))),
            symptom(
                "vmss-backend-port-locked",
                "Cannot change the backend port of a load balancing rule when a VM scale set is in the backend pool",
                "The backend port of a load balancing rule used by a health probe that a virtual machine"
                    + " scale set references cannot be modified. Remove the probe from the scale set,"
                    + " change the port, then configure the probe again.",
                List.of(
                    "cannot change backend port for existing load balancer rule",
                    "updating the backend port of the rule fails with a VM scale set in the pool",
                    "error modifying load balancing rule port because the probe is referenced by the scale set",
                    "VMSS blocks changing the rule's backend port"),
                List.of("backend port", "VM scale set", "VMSS", "load balancing rule", "modify rule"),
                List.of(
                    cause("probe-referenced-by-vmss",
                        "The rule's health probe is referenced by the VM scale set",
                        "The backend port cannot be modified for a load balancing rule used by a health"
                            + " probe that the scale set's network profile references."))),
            symptom(
                "residual-traffic",
                "Small traffic still reaches VMs after removing them from the backend pool",
                "VMs removed from the backend pool stop receiving load-balanced traffic; a small amount"
                    + " of traffic that remains is usually storage, DNS and other platform traffic.",
                List.of(
                    "small traffic still going through the load balancer after removing VMs from the backend pool",
                    "a VM removed from the pool still receives traffic",
                    "traffic continues after taking the VM out of the load balancer",
                    "network trace shows packets on a VM that is no longer in the backend pool"),
                List.of("removed from backend pool", "residual traffic", "storage", "DNS", "network trace"),
                List.of(
                    cause("platform-traffic", "Storage, DNS and other Azure platform traffic",
                        "Removed VMs do not receive load-balanced traffic; what remains is traffic to"
                            + " storage accounts, DNS and other Azure functions.")))));
  }

  private static Symptom symptom(
      String id, String title, String summary, List<String> phrasings, List<String> keywords, List<Cause> causes) {
    return new Symptom(id, title, summary, phrasings, keywords, List.of(), causes, List.of(), List.of(),
        new Source("test/" + id + ".yaml"));
  }

  private static Cause cause(String id, String title, String explanation) {
    return new Cause(id, title, explanation, List.of(), List.of(), List.of(), new ArrayList<>());
  }
}
