package dev.lbtriage.engine.gather.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * One read of the live source.
 *
 * @param kind what is read, as missing facts name it ({@code network-interface}, {@code effective-routes}...)
 * @param id the ARM id read (for effective rules and routes: the NIC's; for metrics: the metric's)
 * @param referencedBy who pointed at it
 * @param read the request
 */
record ReadTask(String kind, String id, String referencedBy, Supplier<JsonNode> read) {}
