package dev.lbtriage.rules.fleet;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;

/** The evidence and fix texts of the fleet hygiene checks, filled in for one load balancer. */
public final class HygieneText {

  public static final String APRL_STANDARD_SKU = "APRL 38c3bca1-97a1-eb42-8cd3-838b243f35ba; PSRule Azure.LB.StandardSKU (AZR-000128)";
  public static final String APRL_TWO_BACKENDS = "APRL 6d82d042-6d61-ad49-86f0-6a5455398081";
  public static final String APRL_OUTBOUND = "APRL 8d319a05-677b-944f-b9b4-ca0fb42e883c";
  public static final String APRL_ZONES = "APRL 621dbc78-3745-4d32-8eac-9e65b27b7512; PSRule Azure.LB.AvailabilityZone (AZR-000127)";
  public static final String PSRULE_PROBE = "PSRule Azure.LB.Probe (AZR-000126)";
  /** The seed's causes that need no answer: an empty pool or a missing probe leaves a rule nothing healthy to send to. */
  public static final String SEED = "seed: troubleshoot-azure-load-balancer (probe and pool configuration)";

  private HygieneText() {}

  private static String where(LoadBalancer lb) {
    return "--resource-group " + lb.resourceGroup() + " --lb-name " + lb.name();
  }

  public static String basicEvidence(LoadBalancer lb) {
    return "load balancer " + lb.name() + " has sku Basic; Microsoft retired the Basic SKU on 30 September 2025";
  }

  public static String emptyPoolEvidence(LoadBalancingRule r, BackendPool p) {
    return "rule " + r.name() + " sends to backend pool " + p.name()
        + ", which has no member: no NIC IP configuration, IP address or scale set joins it";
  }

  public static String emptyPoolFix(LoadBalancer lb, LoadBalancingRule r, BackendPool p) {
    return "Add the backends that should serve rule " + r.name() + " to backend pool " + p.name() + " of load balancer "
        + lb.name() + " (resource group " + lb.resourceGroup() + "): a VM NIC with az network nic ip-config address-pool add "
        + where(lb) + " --address-pool " + p.name() + " and that NIC's --nic-name and --ip-config-name, or a scale set in"
        + " its network profile. If the rule is no longer used, remove it: az network lb rule delete " + where(lb)
        + " --name " + r.name();
  }

  public static String noProbeEvidence(LoadBalancingRule r) {
    return "rule " + r.name() + " has no health probe: Azure cannot take a failing backend out of rotation";
  }

  public static String noProbeFix(LoadBalancer lb, LoadBalancingRule r) {
    if (r.backendPort() == 0) {
      return "Create a health probe on a port every backend of rule " + r.name() + " serves (az network lb probe create "
          + where(lb) + " --name " + r.name() + "-probe --protocol Tcp --port, with that port) and attach it: az network lb rule update "
          + where(lb) + " --name " + r.name() + " --probe-name " + r.name() + "-probe";
    }
    return "az network lb probe create " + where(lb) + " --name " + r.name() + "-probe --protocol Tcp --port " + r.backendPort()
        + "\naz network lb rule update " + where(lb) + " --name " + r.name() + " --probe-name " + r.name() + "-probe";
  }

  public static String singleBackendEvidence(BackendPool p) {
    return "backend pool " + p.name() + " has " + p.members().size() + (p.members().size() == 1 ? " member" : " members")
        + "; a single backend is a single point of failure";
  }

  public static String singleBackendFix(LoadBalancer lb, BackendPool p) {
    return "Add a second backend, in another availability zone or fault domain, to backend pool " + p.name()
        + " of load balancer " + lb.name() + " (resource group " + lb.resourceGroup() + "): az network nic ip-config"
        + " address-pool add " + where(lb) + " --address-pool " + p.name() + " with the new VM's --nic-name and --ip-config-name";
  }

  public static String probeEvidence(HealthProbe p, String why) {
    return p.describe() + ": " + why;
  }

  public static String probeFix(LoadBalancer lb, HealthProbe p) {
    String protocol = p.port() == 443 ? "Https" : "Http";
    return "Serve a dedicated health endpoint that answers HTTP 200 only when the application works (for example /health) on"
        + " port " + p.port() + " of every backend, then point the probe at it: az network lb probe update " + where(lb)
        + " --name " + p.name() + " --protocol " + protocol + " --port " + p.port() + " --path /health";
  }

  public static String zonesEvidence(FleetLoadBalancer f, FrontendZones z) {
    String zones = z.zones().isEmpty() ? "no zone (regional)" : "zone " + String.join(", ", z.zones()) + " only";
    return (z.isPublic() ? "public frontend " + z.name() + ": its public IP " + ArmId.name(z.publicIpId()) + " has "
        : "private frontend " + z.name() + " has ") + zones + ", in " + f.lb().location() + ", a region with availability zones";
  }

  public static String zonesFix(LoadBalancer lb, FrontendZones z) {
    String name = z.name() + "-zr";
    if (z.isPublic()) {
      return "A frontend's zones cannot be changed in place: create a zone-redundant frontend and move the rules to it.\n"
          + "az network public-ip create --resource-group " + lb.resourceGroup() + " --name " + name + "-pip --location "
          + lb.location() + " --sku Standard --zone 1 2 3\n"
          + "az network lb frontend-ip create " + where(lb) + " --name " + name + " --public-ip-address " + name + "-pip";
    }
    return "A frontend's zones cannot be changed in place: create a zone-redundant frontend and move the rules to it.\n"
        + "az network lb frontend-ip create " + where(lb) + " --name " + name + " --subnet " + z.subnetId() + " --zone 1 2 3";
  }

  public static String outboundEvidence(FleetLoadBalancer f) {
    return "load balancer " + f.lb().name() + " has " + f.outboundRules() + (f.outboundRules() == 1 ? " outbound rule" : " outbound rules")
        + " for the backends' outbound connections";
  }

  public static String outboundFix(LoadBalancer lb) {
    return "For production workloads, give the backends' subnets a NAT gateway for outbound connections instead of the"
        + " outbound rules of load balancer " + lb.name() + " (resource group " + lb.resourceGroup() + "): it scales SNAT ports"
        + " on demand (https://learn.microsoft.com/azure/nat-gateway/nat-overview)";
  }
}
