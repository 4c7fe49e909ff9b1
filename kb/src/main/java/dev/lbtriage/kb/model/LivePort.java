package dev.lbtriage.kb.model;

/**
 * Which port of the load balancer's backends a live TCP check tries for a question ({@code liveCheck}
 * in the KB): the rules' probe port or their backend (data) port. A question without it cannot be
 * checked live.
 */
public enum LivePort {
  PROBE_PORT,
  DATA_PORT
}
