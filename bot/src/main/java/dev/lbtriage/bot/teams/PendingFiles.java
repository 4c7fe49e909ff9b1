package dev.lbtriage.bot.teams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Files the bot offered and not yet handed over (a support-case bundle waiting for its consent card to be accepted,
 * or for someone in a channel to ask for it in a 1:1 chat), by an id of their own that travels in the card's
 * context. Kept in memory, the latest {@code max}: after a restart, or on another replica, an old consent card finds
 * nothing and the user is told to say {@code bundle} again.
 */
final class PendingFiles {
  /**
   * @param name the file name shown on the cards
   * @param bytes the file
   * @param caption what it is and what to do with it
   * @param command the {@code lb-triage bundle} command that makes the same file on the command line
   */
  record PendingFile(String id, String name, String mediaType, byte[] bytes, String caption, String command) {}

  private final Map<String, PendingFile> files;

  PendingFiles(int max) {
    this.files = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PendingFile> eldest) {
        return size() > max;
      }
    };
  }

  synchronized PendingFile add(String name, String mediaType, byte[] bytes, String caption, String command) {
    PendingFile f = new PendingFile(UUID.randomUUID().toString(), name, mediaType, bytes, caption, command);
    files.put(f.id(), f);
    return f;
  }

  synchronized PendingFile get(String id) {
    return id == null ? null : files.get(id);
  }

  /** Takes the file out: it is handed over (or declined) once. */
  synchronized PendingFile take(String id) {
    return id == null ? null : files.remove(id);
  }
}
