/**
 * The snapshot folder reader: {@link dev.lbtriage.engine.gather.snapshot.SnapshotReader} reads a
 * folder of ARM or {@code az} JSON output (untrusted input, read with bounded Jackson) into the fact
 * model, and follows one load balancer through it to its members, NICs, VMs, subnets, NSGs, route
 * tables and VNets. Parsers are per resource type ({@code LoadBalancerParser}, {@code NicParser},
 * ...); {@code JsonCursor} reads both shapes and names JSON paths; {@code TopologyResolver} follows
 * references and records what is missing. The format is documented in {@code
 * engine/SNAPSHOT-FORMAT.md}.
 */
package dev.lbtriage.engine.gather.snapshot;
