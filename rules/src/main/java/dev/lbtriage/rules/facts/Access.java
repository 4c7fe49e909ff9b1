package dev.lbtriage.rules.facts;

/** What a security rule does to a matching flow. */
public enum Access {
  ALLOW,
  DENY
}
