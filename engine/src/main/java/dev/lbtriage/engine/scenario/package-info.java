/**
 * The bundled example scenarios: a snapshot folder with a {@code scenario.yaml} that tells the
 * story (the report a user would type, the answers they would give) and what the diagnosis must
 * find. They feed the demo, the tests and the benchmarks.
 */
package dev.lbtriage.engine.scenario;
