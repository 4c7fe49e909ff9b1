/**
 * The diagnosis of one load balancer for one symptom: runs the rules over the gathered facts and
 * the user's answers, merges their findings per cause, and explains them with the knowledge base
 * (question texts, remediation steps and {@code az} commands filled in with the real names, ports
 * and addresses). Pure: no I/O; the facts come through the {@code gather} port.
 */
package dev.lbtriage.engine.diagnosis;
