package dev.lbtriage.engine.network;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.diagnosis.RuleOutcome;
import dev.lbtriage.rules.diagnosis.Triage;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.FlowVerification;
import dev.lbtriage.rules.facts.LbSku;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.SecurityRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The example snapshot folders' facts, a few precise edits of them, and the rules run over them. */
final class Facts {
  static final RuleEngine RULES = RuleEngine.fromClasspath();
  static final Path EXAMPLES = Path.of("..", "examples");

  private Facts() {}

  static AzureFacts example(String folder, String lb) {
    return new SnapshotReader(EXAMPLES.resolve(folder)).gather(lb, Progress.none());
  }

  static RuleOutcome run(AzureFacts facts, String symptom, Map<String, String> answers) {
    LoadBalancer lb = facts.loadBalancers().get(0);
    List<Answer> a = answers.entrySet().stream().map(e -> new Answer(e.getKey(), e.getValue())).toList();
    return RULES.diagnose(facts, new Triage(symptom, lb.id()), a);
  }

  /** The same facts with the load balancer's SKU changed. */
  static AzureFacts withSku(AzureFacts f, LbSku sku) {
    LoadBalancer lb = f.loadBalancers().get(0);
    LoadBalancer changed = new LoadBalancer(lb.id(), lb.name(), lb.resourceGroup(), lb.location(), sku, lb.frontends(),
        lb.probes(), lb.rules(), lb.natRules(), lb.pools(), lb.origin());
    return new AzureFacts(List.of(changed), f.networkInterfaces(), f.virtualMachines(), f.subnets(), f.virtualNetworks(),
        f.networkSecurityGroups(), f.effectiveSecurityRules(), f.routeTables(), f.effectiveRoutes(), f.vmScaleSets(),
        f.metrics(), f.publicIps(), f.missing(), f.problems(), f.flowVerifications(), f.healthEvents(), f.resourceHealth());
  }

  /** The same facts with {@code rule} added to every NSG. */
  static AzureFacts withRule(AzureFacts f, SecurityRule rule) {
    List<NetworkSecurityGroup> nsgs = new ArrayList<>();
    for (NetworkSecurityGroup n : f.networkSecurityGroups()) {
      List<SecurityRule> rules = new ArrayList<>(n.rules());
      rules.add(new SecurityRule(rule.name(), n.id(), rule.priority(), rule.direction(), rule.access(), rule.protocol(),
          rule.sourcePrefixes(), rule.sourcePorts(), rule.destinationPrefixes(), rule.destinationPorts(), List.of(), List.of(),
          rule.sourceAsgIds(), rule.destinationAsgIds(), false));
      nsgs.add(new NetworkSecurityGroup(n.id(), n.name(), n.resourceGroup(), rules, n.defaultRules(), n.origin()));
    }
    return new AzureFacts(f.loadBalancers(), f.networkInterfaces(), f.virtualMachines(), f.subnets(), f.virtualNetworks(),
        nsgs, f.effectiveSecurityRules(), f.routeTables(), f.effectiveRoutes(), f.vmScaleSets(), f.metrics(), f.publicIps(),
        f.missing(), f.problems(), f.flowVerifications(), f.healthEvents(), f.resourceHealth());
  }

  /** The same facts without any NSG (as if their files were not in the snapshot). */
  static AzureFacts withoutNsgs(AzureFacts f) {
    return new AzureFacts(f.loadBalancers(), f.networkInterfaces(), f.virtualMachines(), f.subnets(), f.virtualNetworks(),
        List.of(), f.effectiveSecurityRules(), f.routeTables(), f.effectiveRoutes(), f.vmScaleSets(), f.metrics(), f.publicIps(),
        f.missing(), f.problems(), f.flowVerifications(), f.healthEvents(), f.resourceHealth());
  }

  static AzureFacts withVerifications(AzureFacts f, List<FlowVerification> v) {
    return f.withFlowVerifications(v, List.of());
  }
}
