package dev.lbtriage.rules.facts;

import java.util.Locale;

/** Where a route sends traffic. */
public enum NextHopType {
  VNET_LOCAL,
  INTERNET,
  VIRTUAL_APPLIANCE,
  VIRTUAL_NETWORK_GATEWAY,
  VNET_PEERING,
  VIRTUAL_NETWORK_SERVICE_ENDPOINT,
  NONE,
  OTHER;

  /** Parses Azure's spellings ({@code VnetLocal}, {@code VirtualAppliance}, {@code None}, ...). */
  public static NextHopType parse(String s) {
    if (s == null) {
      return OTHER;
    }
    return switch (s.trim().toLowerCase(Locale.ROOT).replace("_", "")) {
      case "vnetlocal", "virtualnetwork" -> VNET_LOCAL;
      case "internet" -> INTERNET;
      case "virtualappliance" -> VIRTUAL_APPLIANCE;
      case "virtualnetworkgateway" -> VIRTUAL_NETWORK_GATEWAY;
      case "vnetpeering" -> VNET_PEERING;
      case "virtualnetworkserviceendpoint" -> VIRTUAL_NETWORK_SERVICE_ENDPOINT;
      case "none" -> NONE;
      default -> OTHER;
    };
  }
}
