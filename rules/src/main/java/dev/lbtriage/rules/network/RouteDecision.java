package dev.lbtriage.rules.network;

import dev.lbtriage.rules.facts.NextHopType;
import dev.lbtriage.rules.facts.RouteOrigin;
import java.util.List;

/**
 * The route a destination takes from a NIC: the winning route's prefix and next hop, or no route.
 *
 * @param destination the destination address asked about
 * @param prefix the winning route's prefix, null when no route matched
 * @param origin who made the route (User, BGP, Default), null when no route matched
 * @param nextHopType the next hop, null when no route matched
 * @param nextHopIps the next hop addresses (virtual appliances), may be empty
 * @param routeName the user route's name, null for system routes
 * @param routeTableName the route table holding the user route, when known
 * @param basis what was evaluated, e.g. {@code effective routes of nic1 (from nic1-routes.json)}
 */
public record RouteDecision(
    String destination,
    String prefix,
    RouteOrigin origin,
    NextHopType nextHopType,
    List<String> nextHopIps,
    String routeName,
    String routeTableName,
    String basis) {
  public RouteDecision {
    nextHopIps = List.copyOf(nextHopIps);
  }

  public static RouteDecision none(String destination, String basis) {
    return new RouteDecision(destination, null, null, null, List.of(), null, null, basis);
  }

  public boolean found() {
    return nextHopType != null;
  }

  /** Sent to a network virtual appliance (a firewall, typically) instead of straight on. */
  public boolean forcedToVirtualAppliance() {
    return nextHopType == NextHopType.VIRTUAL_APPLIANCE;
  }

  /** Dropped: next hop {@code None} (or no route at all). */
  public boolean dropped() {
    return nextHopType == null || nextHopType == NextHopType.NONE;
  }

  /** E.g. {@code 10.0.0.0/8 -> VirtualAppliance 10.0.2.4 (user route to-fw in rt-web)}. */
  public String describe() {
    if (!found()) {
      return destination + ": no route (dropped)" + (basis == null ? "" : "; " + basis);
    }
    StringBuilder b = new StringBuilder(prefix).append(" -> ").append(hopName(nextHopType));
    if (!nextHopIps.isEmpty()) {
      b.append(' ').append(String.join(",", nextHopIps));
    }
    b.append(" (");
    b.append(switch (origin) {
      case USER -> "user route" + (routeName == null ? "" : " " + routeName) + (routeTableName == null ? "" : " in " + routeTableName);
      case BGP -> "BGP route" + (routeName == null ? "" : " " + routeName);
      case DEFAULT -> "system route";
    });
    return b.append(')').toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  /** Azure's spelling of a next hop type. */
  public static String hopName(NextHopType t) {
    return switch (t) {
      case VNET_LOCAL -> "VnetLocal";
      case INTERNET -> "Internet";
      case VIRTUAL_APPLIANCE -> "VirtualAppliance";
      case VIRTUAL_NETWORK_GATEWAY -> "VirtualNetworkGateway";
      case VNET_PEERING -> "VNetPeering";
      case VIRTUAL_NETWORK_SERVICE_ENDPOINT -> "VirtualNetworkServiceEndpoint";
      case NONE -> "None";
      case OTHER -> "Other";
    };
  }
}
