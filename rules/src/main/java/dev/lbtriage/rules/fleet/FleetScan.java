package dev.lbtriage.rules.fleet;

/** Marks a fleet scan session: the fleet hygiene rules fire only when it is present. */
public record FleetScan() {}
