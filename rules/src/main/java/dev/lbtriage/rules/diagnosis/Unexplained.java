package dev.lbtriage.rules.diagnosis;

/**
 * Classification: a backend no confirmed finding explains yet (none names it, and none is about the
 * whole load balancer). Questions go to these backends only: a cause confirmed for one backend does
 * not explain another.
 */
public record Unexplained(String backendIp) {}
