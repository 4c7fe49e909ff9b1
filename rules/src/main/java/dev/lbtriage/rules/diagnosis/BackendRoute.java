package dev.lbtriage.rules.diagnosis;

/**
 * Classification: where the backend's effective routes send its replies to the probe source.
 *
 * @param diverted true when the winning route goes to a virtual appliance or is dropped ({@code None})
 * @param evidence the winning route, e.g. {@code 0.0.0.0/0 -> VirtualAppliance 10.0.2.4 (user route)}
 * @param routeName the user route's name, null for system routes
 * @param routeTableName the route table holding it, when known
 * @param prefix the winning prefix
 * @param nextHopIp the appliance address, null when none
 */
public record BackendRoute(
    String backendIp, boolean diverted, String evidence, String routeName, String routeTableName, String prefix, String nextHopIp) implements Concern {}
