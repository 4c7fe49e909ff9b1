package dev.lbtriage.rules.network;

/** Where an NSG is attached, as far as a NIC's traffic is concerned. */
public enum NsgLevel {
  SUBNET("subnet NSG"),
  NIC("NIC NSG"),
  /** An effective-rules group whose association names both the subnet and the NIC. */
  SUBNET_AND_NIC("subnet and NIC NSG"),
  /** Evaluated on its own, not through a NIC. */
  STANDALONE("NSG");

  private final String label;

  NsgLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
