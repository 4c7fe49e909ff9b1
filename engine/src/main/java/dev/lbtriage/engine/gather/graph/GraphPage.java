package dev.lbtriage.engine.gather.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * One page of a Resource Graph query response.
 *
 * @param data the response's {@code data} (rows as objects, or a table)
 * @param skipToken the {@code $skipToken} of the next page, null on the last
 * @param totalRecords how many rows match in all pages
 * @param truncated the response's {@code resultTruncated} ("true" when rows were left out)
 * @param quotaRemaining {@code x-ms-user-quota-remaining}, null when absent
 * @param resetsAfter {@code x-ms-user-quota-resets-after}, null when absent
 */
public record GraphPage(JsonNode data, String skipToken, long totalRecords, boolean truncated, Integer quotaRemaining,
    Duration resetsAfter) {}
