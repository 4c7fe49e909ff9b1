package dev.lbtriage.rules.facts;

import java.util.Locale;

/** Who made a route: Azure (Default), a user (route table), or BGP (a virtual network gateway). */
public enum RouteOrigin {
  USER,
  BGP,
  DEFAULT;

  /** Parses an effective route's {@code source}: User, VirtualNetworkGateway, Default. */
  public static RouteOrigin parse(String s) {
    return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
      case "user" -> USER;
      case "virtualnetworkgateway", "bgp" -> BGP;
      default -> DEFAULT;
    };
  }
}
