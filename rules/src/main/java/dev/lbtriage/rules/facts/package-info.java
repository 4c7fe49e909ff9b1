/**
 * The facts lb-triage reasons over: plain records of what Azure says about a load balancer and
 * everything a packet to its backends meets (NICs, VMs, subnets, NSGs, routes, scale sets,
 * metrics). No I/O here: the snapshot reader and the Azure gatherer in {@code engine} build them.
 * Records are flat and refer to each other by ARM id (lower-cased for comparison by
 * {@link ArmId#normalize}), which is how Azure links them and what the rules join on. Every fact
 * carries its {@link Origin}.
 */
package dev.lbtriage.rules.facts;
