package dev.lbtriage.rules.diagnosis;

/**
 * Classification: the health probe status Azure Monitor reports for a backend ({@code DipAvailability}).
 *
 * @param latest the latest average in percent (0-100)
 * @param failing true when the latest point is 0
 * @param evidence the metric point, e.g. {@code DipAvailability 0% at 10:32Z for 10.0.0.4:80}
 */
public record ProbeHealth(String backendIp, double latest, boolean failing, String evidence) {}
