/**
 * Gathering facts: the {@link dev.lbtriage.engine.gather.FactSource} port that the rules and the
 * conversation use, with its small companions. Implementations live in sub-packages: {@code
 * snapshot} reads a folder of JSON files; a live Azure reader will sit next to it.
 */
package dev.lbtriage.engine.gather;
