package dev.lbtriage.engine.gather.graph;

import java.util.List;

/** Sends one Resource Graph query page; {@link ResourceGraphClient} over the Azure SDK. */
public interface GraphTransport {

  /**
   * @param subscriptions the subscription scope (empty: none)
   * @param managementGroups the management group scope (empty: none; both empty: the tenant)
   * @param skipToken the previous page's {@code $skipToken}, null for the first page
   * @param top rows per page, 1..1000
   * @throws GraphReadException when Resource Graph refuses or fails
   */
  GraphPage query(String kql, List<String> subscriptions, List<String> managementGroups, String skipToken, int top);
}
