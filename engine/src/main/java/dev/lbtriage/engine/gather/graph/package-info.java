/**
 * Fleet reads through Azure Resource Graph: the KQL queries ({@link GraphQueries}), paging with
 * {@code $skipToken} over subscription batches with the quota headers and 429 honoured
 * ({@link GraphReader}, {@link ResourceGraphClient}), and Resource Graph results saved to a folder
 * ({@link GraphSnapshotReader}). Rows become the same facts a snapshot gives ({@link FleetFacts},
 * through the snapshot reader's parsers). See {@code engine/FLEET-SCAN.md}.
 */
package dev.lbtriage.engine.gather.graph;
