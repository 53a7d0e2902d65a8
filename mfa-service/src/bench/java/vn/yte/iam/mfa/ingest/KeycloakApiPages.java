package vn.yte.iam.mfa.ingest;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For {@code bench/run ingest}: Keycloak's list of a realm's user or admin events read page by page
 * exactly as the ingest walks it ({@link EventPaging#byTime}), one page after the other and nothing
 * done with the events, to time Keycloak's share alone.
 */
public final class KeycloakApiPages {
  private KeycloakApiPages() {}

  /**
   * Reads every event of one list ({@code list}: {@code /events} or {@code /admin-events}) of the
   * realm at {@code adminRealm} ({@code .../admin/realms/<name>}); adds each page's time in
   * nanoseconds to {@code pageNanos} and returns how many events it read.
   */
  public static int readAll(
      HttpClient http,
      String adminRealm,
      String list,
      String bearer,
      int pageSize,
      List<Long> pageNanos) {
    EventPaging.Pages pages =
        (from, first) -> {
          long start = System.nanoTime();
          String body =
              get(
                  http,
                  adminRealm
                      + list
                      + "?direction=asc&dateFrom="
                      + from
                      + "&first="
                      + first
                      + "&max="
                      + pageSize,
                  bearer);
          pageNanos.add(System.nanoTime() - start);
          List<KeycloakEvent> events = new ArrayList<>();
          try { // ids and times only: the walk drops the boundary's events by id
            for (Object item : JSONArrayUtils.parse(body)) {
              @SuppressWarnings("unchecked")
              Map<String, Object> event = (Map<String, Object>) item;
              events.add(
                  new KeycloakEvent(
                      JSONObjectUtils.getString(event, "id"),
                      list,
                      JSONObjectUtils.getLong(event, "time"),
                      null));
            }
          } catch (ParseException e) {
            throw new IllegalStateException("not a list of events: " + body, e);
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
