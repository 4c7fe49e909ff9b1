/**
 * Fleet hygiene: the facts and findings of the checks a fleet scan runs over every load balancer
 * beside the seed's causes (Azure Proactive Resiliency Library and PSRule for Azure load-balancer
 * rules, the Basic SKU's retirement). The rules are in {@code fleet-hygiene.drl}; they fire only in
 * a session holding a {@link FleetScan} fact, so a diagnosis never sees them.
 */
package dev.lbtriage.rules.fleet;
