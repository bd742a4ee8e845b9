package io.coinfer.contracts.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} ids a consumer has processed, to drop duplicates that at-least-once
 * delivery brings. Thread-safe. An id older than the window is forgotten; the window is sized so
 * that a redelivery falls within it.
 */
public final class RecentIds {

  private final Map<String, Boolean> seen;

  /**
   * A window of recent ids.
   *
   * @param capacity how many ids to remember (&gt; 0)
   */
  public RecentIds(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be > 0, was " + capacity);
    }
    this.seen =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * Records an id.
   *
   * @param id the id
   * @return true the first time the id is seen within the window, false for a duplicate
   */
  public synchronized boolean firstTime(String id) {
    return seen.putIfAbsent(id, Boolean.TRUE) == null;
  }
}
