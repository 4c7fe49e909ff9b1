package dev.lbtriage.kb.model;

import java.util.List;

/**
 * How a symptom can end "healthy": when the facts show the load balancer's own path healthy (every probe up, no
 * backend stopped, nothing denying or diverting), the triage says so instead of a cause.
 *
 * @param settlesQuestions whether a healthy path leaves nothing to ask (for a failing probe, the metric already shows
 *     every backend answers it)
 * @param leftToLookAt what is still worth looking at when the path is healthy, in the order shown
 */
public record HealthCheck(boolean settlesQuestions, List<String> leftToLookAt) {
  public HealthCheck {
    leftToLookAt = List.copyOf(leftToLookAt);
  }
}
