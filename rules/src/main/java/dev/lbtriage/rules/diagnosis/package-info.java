/**
 * The diagnosis: the seed's symptoms and causes as Drools rules (one DRL file per symptom under
 * {@code src/main/resources/dev/lbtriage/rules/diagnosis/}, compiled at build time to the
 * executable model) over the facts of {@code dev.lbtriage.rules.facts}.
 *
 * <p>Two layers. Classification ({@link Classification}, plain Java once per set of facts, inserted as facts)
 * turns raw facts into meaning: a {@link Backend} behind the load balancer, a {@link ProbeFlow} or {@link DataFlow}
 * verdict of the NSGs, a {@link BackendRoute}, a {@link ProbeHealth} reading; which backends no finding explains yet
 * ({@link Unexplained}) follows the findings and stays a rule ({@code classify-unexplained.drl}). Diagnosis rules
 * ({@code <symptom-id>.drl}) decide causes from those: each inserts (logically) a {@link Finding}
 * with its evidence or an {@link Ask} for a question by its KB id. Consequences only insert facts;
 * answers are facts too ({@link Answer}), so changing one retracts what followed from it.
 * Prose and commands live in the knowledge base, never here.
 */
package dev.lbtriage.rules.diagnosis;
