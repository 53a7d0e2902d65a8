package vn.yte.iam.mfa.ingest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.ToIntFunction;

/**
 * How one pull walks through Keycloak's stored events of one kind, a page at a time, oldest first.
 */
final class EventPaging {
  /**
   * One page of Keycloak's events stored at or after {@code fromMillis}, skipping {@code first}.
   */
  interface Pages {
    EventPage page(long fromMillis, int first);
  }

  /**
   * @param added what the sink returned, summed over the pages
   * @param newest the newest event time read; {@code fromMillis} when there was none
   */
  record Walked(int added, long newest) {}

  private EventPaging() {}

  /**
   * By time: each page starts at the newest time of the one before, skipping only the events of
   * that millisecond already read. Keycloak then reads from its time index on, whatever the
   * backlog; skipping by a growing offset made it read every earlier event again for each page (on
   * a backlog of 100,000 events, pages took three times as long at its end as at its start). For
   * Keycloak's own event lists, whose every event read is in the page.
   *
   * <p>Where the next page starts is known as soon as a page arrives, so it is asked for on {@code
   * ahead} while {@code sink} stores this one: Keycloak's reading and ours overlap instead of
   * taking turns. A failure of either ends the walk with that failure.
   */
  static Walked byTime(
      Pages pages, long fromMillis, int pageSize, ToIntFunction<EventPage> sink, Executor ahead) {
    long at = fromMillis;
    int skip = 0;
    int added = 0;
    long newest = fromMillis;
    CompletableFuture<EventPage> next = CompletableFuture.completedFuture(pages.page(at, skip));
    for (; ; ) {
      EventPage page = arrived(next);
      boolean lastPage = page.scanned() < pageSize;
      if (!lastPage) {
        long last = page.newest();
        int atLast = sameTime(page.events(), last);
        skip = last == at ? skip + atLast : atLast; // a whole page in one millisecond: go on in it
        at = last;
        long from = at;
        int first = skip;
        next = CompletableFuture.supplyAsync(() -> pages.page(from, first), ahead);
      }
      added += sink.applyAsInt(page);
      newest = Math.max(newest, page.newest());
      if (lastPage) {
        return new Walked(added, newest);
      }
    }
  }

  /** The page, or the failure that reading it ended in, as it was thrown. */
  private static EventPage arrived(CompletableFuture<EventPage> page) {
    try {
      return page.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
  }

  /**
   * By offset: for pages that Keycloak filters before answering (master's events, of which a realm
   * sees only those of its administrators), where the events of the boundary millisecond that were
   * left out cannot be counted.
   */
  static Walked byOffset(
      Pages pages, long fromMillis, int pageSize, ToIntFunction<EventPage> sink) {
    int added = 0;
    long newest = fromMillis;
    for (int first = 0; ; first += pageSize) {
      EventPage page = pages.page(fromMillis, first);
      added += sink.applyAsInt(page);
      newest = Math.max(newest, page.newest());
      if (page.scanned() < pageSize) {
        return new Walked(added, newest);
      }
    }
  }

  private static int sameTime(List<KeycloakEvent> events, long time) {
    int n = 0;
    for (KeycloakEvent e : events) {
      if (e.time() == time) {
        n++;
      }
    }
    return n;
  }
}
