package dev.lbtriage.rules.network;

import dev.lbtriage.rules.facts.Direction;
import dev.lbtriage.rules.facts.TransportProtocol;
import java.util.Objects;

/**
 * A flow to check against NSGs, seen from the NIC as Azure's IP flow verify sees it.
 *
 * @param source an IP address, or a service tag: {@code AzureLoadBalancer} (the probe source
 *     168.63.129.16), {@code VirtualNetwork} (any address of the VNet and its peerings) or
 *     {@code Internet} (any IPv4 address outside those, see {@link ServiceTags}). A tag stands for
 *     all of its addresses: a rule that covers only some of them gives {@link Verdict#UNKNOWN}, so
 *     pass the client's real IP when you know it.
 * @param destinationIp the destination address (for inbound flows, the NIC's IP); a tag is accepted too
 * @param destinationPort 0..65535, or {@link #ANY_PORT}
 * @param sourcePort 0..65535, or {@link #ANY_PORT} (the usual ephemeral port)
 * @param protocol TCP, UDP or ICMP (not ALL: a flow has one protocol)
 */
public record Flow(
    String source, String destinationIp, int destinationPort, int sourcePort, TransportProtocol protocol, Direction direction) {
  /** "Any port": a rule limited to some ports then neither surely matches nor surely misses. */
  public static final int ANY_PORT = -1;

  public Flow {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("flow source is empty");
    }
    if (destinationIp == null || destinationIp.isBlank()) {
      throw new IllegalArgumentException("flow destination is empty");
    }
    checkPort(destinationPort, "destination");
    checkPort(sourcePort, "source");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(direction, "direction");
    if (protocol == TransportProtocol.ALL) {
      throw new IllegalArgumentException("a flow has one protocol (TCP, UDP or ICMP), not ALL");
    }
    source = source.trim();
    destinationIp = destinationIp.trim();
  }

  private static void checkPort(int p, String which) {
    if (p != ANY_PORT && (p < 0 || p > PortRange.MAX)) {
      throw new IllegalArgumentException(which + " port " + p + " is outside 0..65535");
    }
  }

  /** An inbound flow from any source port. */
  public static Flow inbound(String source, String destinationIp, int destinationPort, TransportProtocol protocol) {
    return new Flow(source, destinationIp, destinationPort, ANY_PORT, protocol, Direction.INBOUND);
  }

  /** An outbound flow from any source port. */
  public static Flow outbound(String source, String destinationIp, int destinationPort, TransportProtocol protocol) {
    return new Flow(source, destinationIp, destinationPort, ANY_PORT, protocol, Direction.OUTBOUND);
  }

  @Override
  public String toString() {
    return direction.name().toLowerCase(java.util.Locale.ROOT) + " " + protocol + " " + source
        + (sourcePort == ANY_PORT ? "" : ":" + sourcePort) + " -> " + destinationIp + ":"
        + (destinationPort == ANY_PORT ? "*" : destinationPort);
  }
}
