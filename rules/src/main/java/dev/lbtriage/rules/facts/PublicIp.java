package dev.lbtriage.rules.facts;

/** A public IP address resource (so a public frontend's address can be shown). */
public record PublicIp(String id, String name, String ipAddress, String sku, Origin origin) {}
