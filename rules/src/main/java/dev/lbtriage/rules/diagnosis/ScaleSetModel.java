package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NicIpConfiguration;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.Subnet;
import dev.lbtriage.rules.facts.VmScaleSet;
import dev.lbtriage.rules.network.Flow;
import dev.lbtriage.rules.network.FlowEvaluator;
import dev.lbtriage.rules.network.FlowVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scale set instances whose own NIC is not in the facts: Azure builds every instance NIC from the
 * scale set model's {@code networkProfile.networkInterfaceConfigurations} (its NSG, subnet, pools
 * and application security groups), so the model decides for them
 * (https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-networking).
 * The flows are evaluated at a NIC made from the model, and the evidence says the model was used.
 * (An instance still on an older model until {@code az vmss update-instances} runs may differ; the
 * evidence says so.)
 */
public final class ScaleSetModel {
  private ScaleSetModel() {}

  /** The scale set whose model stands for this backend, or null (not an instance, or its NIC is in the facts). */
  public static VmScaleSet of(AzureFacts facts, Backend b) {
    if (b.vmssId() == null || (b.nicId() != null && facts.nic(b.nicId()).isPresent())) {
      return null;
    }
    return facts.vmScaleSets().stream().filter(s -> ArmId.same(s.id(), b.vmssId())).findFirst().orElse(null);
  }

  /** The NSGs' verdict on the probe to the instances of a scale set, from the model (inbound only, as {@link Classify#probeFlow}). */
  public static ProbeFlow probeFlow(AzureFacts facts, Backend b, VmScaleSet vmss, LoadBalancingRule rule, HealthProbe probe) {
    Flow flow = TrafficFlows.probe(probe, destination(facts, b, vmss));
    AzureFacts withModel = withModelNic(facts, vmss);
    FlowVerdict v = FlowEvaluator.forNic(withModel, nicId(vmss), flow);
    Verdict verdict = Classify.verdictOf(v);
    return new ProbeFlow(b.ip(), probe.id(), rule.id(), probe.port(), verdict, verdict, false,
        "probe " + probe.name() + " (rule " + rule.name() + ") to the instances of scale set " + vmss.name() + ": "
            + Classify.oneLineOf(v) + "; " + used(vmss),
        Classify.decidingOf(withModel, v));
  }

  /** The NSGs' verdict on clients to the instances of a scale set, from the model (as {@link Classify#dataFlow}). */
  public static DataFlow dataFlow(AzureFacts facts, LoadBalancer lb, Backend b, VmScaleSet vmss, LoadBalancingRule rule,
      String clientIp) {
    return Classify.dataFlowVia(withModelNic(facts, vmss), nicId(vmss), destination(facts, b, vmss), lb, b, rule, clientIp,
        "rule " + rule.name() + " to the instances of scale set " + vmss.name() + ": ", "; " + used(vmss), false);
  }

  /** The evidence that the model decided. */
  static String used(VmScaleSet vmss) {
    return "decided by the scale set model's network profile (NIC configuration "
        + (vmss.nicConfigName() == null ? "?" : vmss.nicConfigName()) + ", NSG "
        + (vmss.nsgId() == null ? "none" : ArmId.name(vmss.nsgId())) + ", subnet "
        + (vmss.subnetId() == null ? "not given" : ArmId.name(vmss.subnetId())) + ", from " + vmss.origin().file()
        + ") because the instance NICs are not in the facts";
  }

  /** The backend's own address, else the model subnet's prefix, else the VNet. */
  static String destination(AzureFacts facts, Backend b, VmScaleSet vmss) {
    if (b.ip() != null && !"?".equals(b.ip())) {
      return b.ip();
    }
    Optional<Subnet> subnet = vmss.subnetId() == null ? Optional.empty() : facts.subnet(vmss.subnetId());
    return subnet.filter(s -> !s.addressPrefixes().isEmpty()).map(s -> s.addressPrefixes().get(0)).orElse("VirtualNetwork");
  }

  static String nicId(VmScaleSet vmss) {
    return vmss.id() + "/networkInterfaceConfigurations/" + (vmss.nicConfigName() == null ? "model" : vmss.nicConfigName());
  }

  private record ModelKey(String vmssId) {}

  /** The facts plus a NIC made from the model (computed once per scale set and kept with the facts). */
  static AzureFacts withModelNic(AzureFacts facts, VmScaleSet vmss) {
    return facts.derived(new ModelKey(ArmId.normalize(vmss.id())), f -> {
      String nicId = nicId(vmss);
      NicIpConfiguration ipc = new NicIpConfiguration(nicId + "/ipConfigurations/model", "model", nicId, null, vmss.subnetId(),
          null, true, vmss.backendPoolIds(), List.of(), vmss.asgIds());
      NetworkInterface nic = new NetworkInterface(nicId, vmss.nicConfigName() == null ? vmss.name() : vmss.nicConfigName(),
          vmss.resourceGroup(), List.of(ipc), vmss.nsgId(), null, vmss.id(), false,
          new Origin(vmss.id(), vmss.origin().file() + " (scale set model)"));
      List<NetworkInterface> nics = new ArrayList<>(f.networkInterfaces());
      nics.add(nic);
      return new AzureFacts(f.loadBalancers(), nics, f.virtualMachines(), f.subnets(), f.virtualNetworks(),
          f.networkSecurityGroups(), f.effectiveSecurityRules(), f.routeTables(), f.effectiveRoutes(), f.vmScaleSets(),
          f.metrics(), f.publicIps(), f.missing(), f.problems(), f.flowVerifications(), f.healthEvents(), f.resourceHealth());
    });
  }
}
