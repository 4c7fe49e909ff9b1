package dev.lbtriage.engine.conversation;

import java.util.Map;
import java.util.Optional;

/**
 * Port: the raw ARM JSON a load balancer's facts were read from, for the support-case bundle's
 * {@code snapshot/} (the chat's {@code bundle} command). Implemented at the edge (a snapshot folder
 * read by {@code SnapshotDocumentsReader.fromFolder}); the conversation itself does no I/O.
 */
@FunctionalInterface
public interface ArmDocuments {
  /**
   * @param loadBalancerId the ARM id of the load balancer under triage
   * @return relative file name to JSON text, as {@code snapshot/} will hold it; empty when the
   *     documents are not at hand here (facts read live from Azure)
   */
  Optional<Map<String, String>> of(String loadBalancerId);

  /** No documents at hand: the chat says to use {@code lb-triage bundle --azure}. */
  static ArmDocuments none() {
    return id -> Optional.empty();
  }
}
