package dev.lbtriage.engine.gather.azure;

/** The ARM api-versions the live source reads with (the payload shapes the parsers know). */
final class ApiVersions {

  /** Microsoft.Network (load balancers, NICs, VNets, NSGs, route tables, public IPs, effective actions). */
  static final String NETWORK = "2024-05-01";
  /** Scale set instance NICs are served under Microsoft.Compute paths at this network version only. */
  static final String VMSS_NIC = "2018-10-01";
  /** Microsoft.Compute (VMs with instance view, scale sets and their instances). */
  static final String COMPUTE = "2024-07-01";
  /** Microsoft.Insights metrics. */
  static final String METRICS = "2023-10-01";
  /** Microsoft.ResourceHealth availability statuses ("Availability Statuses - Get By Resource"). */
  static final String RESOURCE_HEALTH = "2025-05-01";
  /** Resource-centric log queries through ARM ({@code <resource>/providers/microsoft.insights/logs}). */
  static final String LOGS = "2018-03-01-preview";
  /** Subscriptions list. */
  static final String RESOURCES = "2022-12-01";

  private ApiVersions() {}
}
