package dev.lbtriage.rules.diagnosis;

/**
 * Something the engineer must be told that is not a cause of the symptom: the Basic SKU's
 * retirement with its upgrade path, a problem outside the symptom's causes (SNAT exhaustion seen
 * in the health events), an IPv6 frontend lb-triage does not evaluate.
 *
 * @param kind a stable id: {@code basic-sku-retired}, {@code snat-out-of-scope}, {@code platform-data-path},
 *     {@code ipv6-not-evaluated}
 * @param subject what it is about ({@code *} for the load balancer)
 * @param text the notice, complete, in one paragraph
 */
public record Notice(String kind, String subject, String text) {}
