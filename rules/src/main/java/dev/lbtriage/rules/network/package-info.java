/**
 * Offline network evaluation: whether NSGs admit a flow at a NIC and where routes send a
 * destination, computed from the facts alone with no call to Azure. {@link
 * dev.lbtriage.rules.network.NsgEvaluator} applies Azure's semantics to one NSG (priority order,
 * first match, default rules supplied when a payload omits them, service tags, ASGs, plural
 * fields); {@link dev.lbtriage.rules.network.FlowEvaluator} finds the subnet and NIC NSGs (or the
 * NIC's effective security rules) in {@code AzureFacts} and combines them into a {@link
 * dev.lbtriage.rules.network.FlowVerdict}; {@link dev.lbtriage.rules.network.RouteEvaluator}
 * picks the winning route. What cannot be known offline (service tags such as {@code Storage},
 * ASG membership, resources missing from the snapshot, a tag only partly covered by a rule) makes
 * the answer {@link dev.lbtriage.rules.network.Verdict#UNKNOWN} with the reason and the rule
 * named, never a guess. Approximations are documented on {@link
 * dev.lbtriage.rules.network.ServiceTags}.
 */
package dev.lbtriage.rules.network;
