package dev.lbtriage.rules.diagnosis;

/**
 * What a {@link Finding} is about when the rules decided it from one flow or route the classification
 * evaluated: the NSGs' verdict on the probe's flow ({@link ProbeFlow}) or the clients' ({@link
 * DataFlow}), or the backend's winning return route ({@link BackendRoute}). A fix is filled from it
 * (the NSG rule that denied, the route that diverts), and the traffic path marks the hop it names.
 */
public sealed interface Concern permits ProbeFlow, DataFlow, BackendRoute {}
