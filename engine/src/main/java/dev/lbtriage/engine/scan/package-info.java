/**
 * Fleet scan: every load balancer of a fleet (read through Azure Resource Graph, or from saved Resource
 * Graph results) checked for the seed's causes that need no answer, with the same rules a diagnosis
 * runs, and for the fleet hygiene checks; one {@link ScanFinding} per finding, a summary per
 * subscription. No I/O here: the facts come in as {@link dev.lbtriage.engine.gather.graph.FleetFacts}.
 */
package dev.lbtriage.engine.scan;
