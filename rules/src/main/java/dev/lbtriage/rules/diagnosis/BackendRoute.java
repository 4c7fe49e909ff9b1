package dev.lbtriage.rules.diagnosis;

/**
 * Classification: where the backend's effective routes send its replies to the probe source.
 *
 * @param diverted true when the winning route goes to a virtual appliance or is dropped ({@code None})
 * @param evidence the winning route, e.g. {@code 0.0.0.0/0 -> VirtualAppliance 10.0.2.4 (user route)}
 */
public record BackendRoute(String backendIp, boolean diverted, String evidence) {}
