package dev.lbtriage.engine.scan;

import java.util.List;

/**
 * What a fleet scan found.
 *
 * @param scope what was scanned, in words (subscriptions, management group, or a folder)
 * @param loadBalancers how many load balancers were scanned
 * @param findings one per finding, by subscription, load balancer, cause, subject
 * @param subscriptions a summary per subscription, by id
 * @param problems problems met reading the input (a bad row, an unreadable file), one line each
 */
public record ScanReport(String scope, int loadBalancers, List<ScanFinding> findings, List<SubscriptionSummary> subscriptions,
    List<String> problems) {
  public ScanReport {
    findings = List.copyOf(findings);
    subscriptions = List.copyOf(subscriptions);
    problems = List.copyOf(problems);
  }

  public boolean anyConfirmed() {
    return findings.stream().anyMatch(f -> f.status().equals(ScanFinding.CONFIRMED));
  }

  /** 1 when a confirmed finding exists (for CI and cron), else 0. */
  public int exitCode() {
    return anyConfirmed() ? 1 : 0;
  }
}
