package dev.lbtriage.rules.facts;

/** Load balancer SKU. Basic is open by default, Standard is closed unless an NSG admits traffic. */
public enum LbSku {
  BASIC,
  STANDARD,
  GATEWAY,
  UNKNOWN;

  /**
   * What an engineer must know about a Basic load balancer: Microsoft retired the Basic SKU on
   * 30 September 2025, and the documented upgrade path is the {@code AzureBasicLoadBalancerUpgrade}
   * PowerShell module (https://learn.microsoft.com/azure/load-balancer/load-balancer-basic-upgrade-guidance,
   * https://learn.microsoft.com/azure/load-balancer/upgrade-basic-standard-with-powershell).
   * Null for other SKUs.
   */
  public String retirementNotice(String lbName, String resourceGroup) {
    if (this != BASIC) {
      return null;
    }
    return "Load balancer " + lbName + " is Basic SKU, which Microsoft retired on 30 September 2025. Upgrade it to Standard"
        + " with Microsoft's AzureBasicLoadBalancerUpgrade PowerShell module: Install-Module -Name AzureBasicLoadBalancerUpgrade"
        + " -Scope CurrentUser; Start-AzBasicLoadBalancerUpgrade -ResourceGroupName " + resourceGroup
        + " -BasicLoadBalancerName " + lbName + " (plan for downtime; guidance:"
        + " https://learn.microsoft.com/azure/load-balancer/load-balancer-basic-upgrade-guidance). A Standard load balancer"
        + " admits no inbound traffic that an NSG on the backends' subnet or NIC does not allow.";
  }
}
