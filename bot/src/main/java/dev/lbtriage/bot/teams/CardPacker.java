package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs card body elements into as few message activities as fit Teams' size limit: each activity's JSON at most
 * {@value #MAX_BYTES} bytes counted as UTF-16 (how Teams counts; the limit planned for is 28 KB, well under the
 * documented 100 KB, research PROTOCOL.md §5). The elements keep their order, so a question's buttons stay in the
 * last card. An element too big on its own is a container whose items are split over several containers.
 */
final class CardPacker {
  static final int MAX_BYTES = 28 * 1024;

  private final int maxBytes;

  CardPacker() {
    this(MAX_BYTES);
  }

  CardPacker(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  List<ObjectNode> pack(List<ObjectNode> body) {
    List<ObjectNode> activities = new ArrayList<>();
    List<ObjectNode> current = new ArrayList<>();
    for (ObjectNode element : fitting(body)) {
      current.add(element);
      if (current.size() > 1 && !fits(current)) {
        current.remove(current.size() - 1);
        activities.add(Cards.activity(Cards.card(current)));
        current = new ArrayList<>(List.of(element));
      }
    }
    if (!current.isEmpty() || activities.isEmpty()) {
      activities.add(Cards.activity(Cards.card(current)));
    }
    return activities;
  }

  /** UTF-16 bytes of the activity's JSON. */
  static int size(ObjectNode activity) {
    return activity.toString().length() * 2;
  }

  private boolean fits(List<ObjectNode> elements) {
    return size(Cards.activity(Cards.card(elements))) <= maxBytes;
  }

  /** The elements, each alone within the limit: an oversized container becomes several. */
  private List<ObjectNode> fitting(List<ObjectNode> body) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode element : body) {
      if (fits(List.of(element))) {
        out.add(element);
        continue;
      }
      JsonNode items = element.path("items");
      if (!items.isArray() || items.size() < 2) {
        throw new IllegalArgumentException("a card element is over " + maxBytes + " bytes and cannot be split: " + element.path("type").asText());
      }
      int half = items.size() / 2;
      out.addAll(fitting(List.of(withItems(element, items, 0, half), withItems(element, items, half, items.size()))));
    }
    return out;
  }

  private static ObjectNode withItems(ObjectNode container, JsonNode items, int from, int to) {
    ObjectNode copy = container.deepCopy();
    ArrayNode part = copy.putArray("items");
    for (int i = from; i < to; i++) {
      part.add(items.get(i).deepCopy());
    }
    return copy;
  }
}
