package dev.lbtriage.rules.network;

/** What an address token (CIDR, address, service tag, {@code *}) stands for, if that can be known offline. */
public sealed interface TagResolution {
  /** The token's addresses. */
  record Addresses(AddressSet set) implements TagResolution {}

  /** The token cannot be resolved offline, with why (e.g. the service tag {@code Storage}). */
  record Unresolved(String token, String reason) implements TagResolution {}
}
