package vn.yte.iam.mfa.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
   * By time: each page starts at the newest time of the one before, so Keycloak reads from its time
   * index on, whatever the backlog; skipping by a growing offset made it read every earlier event
   * again for each page (on a backlog of 100,000 events, pages took three times as long at its end
   * as at its start). For Keycloak's own event lists, whose every event read is in the page.
   *
   * <p>The events of that boundary millisecond already read are asked for again and dropped by id,
   * not skipped by count: Keycloak orders events by time alone, so the order of events that share a
   * millisecond may differ from one request to the next, and a count would then skip unread events
   * and hand read ones twice. Only a whole page in one millisecond has to go on by offset within
   * it, and there relies on that order holding.
   *
   * <p>Where the next page starts is known as soon as a page arrives, so it is asked for on {@code
   * ahead} while {@code sink} stores this one: Keycloak's reading and ours overlap instead of
   * taking turns. A failure of either ends the walk with that failure.
   */
  static Walked byTime(
      Pages pages, long fromMillis, int pageSize, ToIntFunction<EventPage> sink, Executor ahead) {
    long at = fromMillis;
    int first = 0;
    Set<String> readAt = new HashSet<>(); // ids of the events of millisecond `at` already handed
    int added = 0;
    long newest = fromMillis;
    CompletableFuture<EventPage> next = CompletableFuture.completedFuture(pages.page(at, first));
    for (; ; ) {
      EventPage page = arrived(next);
      long pageFrom = at;
      List<KeycloakEvent> unread =
          page.events().stream()
              .filter(e -> e.time() != pageFrom || !readAt.contains(e.id()))
              .toList();
      boolean lastPage = page.scanned() < pageSize;
      if (!lastPage) {
        long last = page.newest();
        List<String> atLast =
            page.events().stream().filter(e -> e.time() == last).map(KeycloakEvent::id).toList();
        if (atLast.size() == page.events().size()) {
          // a whole page in one millisecond: go on in it; if it is a later one than `at`, every
          // event this page skipped was of `at`, so none of `last` comes before the page
          first = (last == at ? first : 0) + atLast.size();
        } else {
          first = 0;
        }
        if (last != at) {
          readAt.clear();
        }
        readAt.addAll(atLast);
        at = last;
        long from = at;
        int skip = first;
        next = CompletableFuture.supplyAsync(() -> pages.page(from, skip), ahead);
      }
      added += sink.applyAsInt(new EventPage(unread, page.scanned(), page.newest()));
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
}
