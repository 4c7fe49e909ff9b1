/**
 * The knowledge base as plain records: symptoms, their causes, the checks that tell causes apart,
 * the questions asked when Azure cannot tell, the fixes and the support-case captures. Loaded from
 * {@code kb/*.yaml} by {@code dev.lbtriage.kb.load}; ids here are the public contract shared with the
 * rules, the JSON output and the tests.
 */
package dev.lbtriage.kb.model;
