package dev.lbtriage.rules.diagnosis;

/** Classification: the client IP the user gave is itself a backend of the load balancer it calls. */
public record ClientIsBackend(String clientIp, String evidence) {}
