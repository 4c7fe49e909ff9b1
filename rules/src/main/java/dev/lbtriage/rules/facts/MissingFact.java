package dev.lbtriage.rules.facts;

/**
 * A fact lb-triage looked for and could not get: a reference pointing outside the snapshot, or a
 * read Azure refused. Rules treat it as unknown, never as "fine".
 *
 * @param kind what was looked for, e.g. {@code network-interface}
 * @param reference the ARM id (or name) that was referenced
 * @param referencedBy who referenced it
 * @param reason why it is missing, e.g. {@code not in the snapshot} or {@code 403 Forbidden}
 */
public record MissingFact(String kind, String reference, String referencedBy, String reason) {
  /**
   * The kind of a security rule of an NSG that was read but could not be used (left out as unreadable):
   * {@code referencedBy} is the NSG's id. The NSG's rule list is then incomplete, so no flow verdict follows from it.
   */
  public static final String SECURITY_RULE = "security-rule";
}
