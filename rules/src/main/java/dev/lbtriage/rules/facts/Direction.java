package dev.lbtriage.rules.facts;

/** Direction of a security rule or a flow, seen from the NIC. */
public enum Direction {
  INBOUND,
  OUTBOUND
}
