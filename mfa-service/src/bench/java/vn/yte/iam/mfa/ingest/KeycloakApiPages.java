package vn.yte.iam.mfa.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For {@code bench/run ingest}: Keycloak's list of a realm's user events read page by page exactly
 * as the ingest walks it ({@link EventPaging#byTime}), one page after the other and nothing done
 * with the events, to time Keycloak's share alone.
 */
public final class KeycloakApiPages {
  private static final Pattern TIME = Pattern.compile("\"time\":(\\d+)");

  private KeycloakApiPages() {}

  /**
   * Reads every user event of the realm at {@code adminRealm} ({@code .../admin/realms/<name>});
   * adds each page's time in nanoseconds to {@code pageNanos} and returns how many events it read.
   */
  public static int readAll(
      HttpClient http, String adminRealm, String bearer, int pageSize, List<Long> pageNanos) {
    EventPaging.Pages pages =
        (from, first) -> {
          long start = System.nanoTime();
          String body =
              get(
                  http,
                  adminRealm
                      + "/events?direction=asc&dateFrom="
                      + from
                      + "&first="
                      + first
                      + "&max="
                      + pageSize,
                  bearer);
          pageNanos.add(System.nanoTime() - start);
          List<KeycloakEvent> events = new ArrayList<>();
          for (Matcher time = TIME.matcher(body); time.find(); ) {
            events.add(new KeycloakEvent(null, "USER", Long.parseLong(time.group(1)), null));
          }
          long newest = events.isEmpty() ? from : events.get(events.size() - 1).time();
          return new EventPage(events, events.size(), newest);
        };
    // Runnable::run: the next page is read only once this one is counted, never alongside it
    return EventPaging.byTime(pages, 0, pageSize, page -> page.events().size(), Runnable::run)
        .added();
  }

  private static String get(HttpClient http, String url, String bearer) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
