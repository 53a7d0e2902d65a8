package vn.yte.iam.mfa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LOG-1: a pull reads every stored event once, however many share a millisecond and wherever the
 * page boundaries fall, against a stand-in that pages as Keycloak's admin API does (time at or
 * after {@code dateFrom}, oldest first, {@code first} skipped, at most a page).
 */
class EventPagingTest {
  static final int PAGE = 5;

  /** Stored events, oldest first. */
  final List<KeycloakEvent> stored = new ArrayList<>();

  /**
   * How a request orders events of the same millisecond: as stored when null; otherwise shuffled
   * afresh for each request, as a database may when the query orders by time alone.
   */
  Random tieOrder;

  /** Each request: its dateFrom and first. */
  final List<long[]> asked = new ArrayList<>();

  /** Events the sink was handed, in order. */
  final List<String> handed = new ArrayList<>();

  /** Where the next page is read while the sink stores one: a thread of its own, as in the pull. */
  final ExecutorService ahead = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    ahead.shutdownNow();
  }

  @Test
  void byTimeReadsEachEventOnceAcrossTiesLongerThanAPage() {
    store(100, 3);
    store(200, 13); // more than two pages in one millisecond, across three page boundaries
    store(201, 1);
    store(300, 7);

    EventPaging.Walked walked = EventPaging.byTime(this::page, 0, PAGE, this::sink, ahead);

    assertThat(handed).isEqualTo(stored.stream().map(KeycloakEvent::id).toList());
    assertThat(walked.added()).isEqualTo(24);
    assertThat(walked.newest()).isEqualTo(300);
  }

  @Test
  void byTimeNeverAsksKeycloakToSkipEventsOfAnEarlierMillisecond() {
    for (int t = 1; t <= 40; t++) {
      store(t * 10L, t % 4 == 0 ? 6 : 1);
    }

    EventPaging.byTime(this::page, 0, PAGE, this::sink, ahead);

    assertThat(handed).isEqualTo(stored.stream().map(KeycloakEvent::id).toList());
    for (long[] request : asked) {
      long from = request[0];
      // what a request skips is of its own millisecond, already read: never the backlog before it
      assertThat(request[1]).isLessThanOrEqualTo(count(t -> t == from));
    }
  }

  @Test
  void byTimeReadsEachEventOnceWhenKeycloakOrdersTiesDifferentlyEachTime() {
    for (int t = 1; t <= 60; t++) {
      store(t * 10L, 1 + t % 3); // ties of up to three: many page boundaries fall inside one
    }
    tieOrder = new Random(7);

    EventPaging.Walked walked = EventPaging.byTime(this::page, 0, PAGE, this::sink, ahead);

    // skipping a count of the boundary's events would skip some never read and hand others twice
    assertThat(handed)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(stored.stream().map(KeycloakEvent::id).toList());
    assertThat(walked.added()).isEqualTo(stored.size());
    assertThat(walked.newest()).isEqualTo(600);
  }

  @Test
  void anEmptyStoreEndsAtOnceWhereItStarted() {
    EventPaging.Walked walked = EventPaging.byTime(this::page, 1234, PAGE, this::sink, ahead);

    assertThat(walked).isEqualTo(new EventPaging.Walked(0, 1234));
    assertThat(asked).hasSize(1);
  }

  @Test
  void aBacklogOfExactlyWholePagesEndsOnTheEmptyPageAfter() {
    for (int t = 1; t <= 2 * PAGE; t++) {
      store(t, 1);
    }

    EventPaging.Walked walked = EventPaging.byTime(this::page, 0, PAGE, this::sink, ahead);

    assertThat(walked).isEqualTo(new EventPaging.Walked(2 * PAGE, 2 * PAGE));
    assertThat(handed).hasSize(2 * PAGE).doesNotHaveDuplicates();
  }

  @Test
  void theNextPageIsReadWhileThisOneIsStored() {
    store(100, 3 * PAGE);
    CountDownLatch secondAskedFor = new CountDownLatch(2);
    EventPaging.Pages counted =
        (from, first) -> {
          EventPage page = page(from, first);
          secondAskedFor.countDown();
          return page;
        };
    List<Boolean> nextAlreadyAskedFor = new ArrayList<>();

    EventPaging.byTime(
        counted,
        0,
        PAGE,
        page -> {
          if (nextAlreadyAskedFor.isEmpty()) {
            try { // Keycloak is asked for page 2 before page 1 is stored, not after
              nextAlreadyAskedFor.add(secondAskedFor.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
          }
          return sink(page);
        },
        ahead);

    assertThat(nextAlreadyAskedFor).containsExactly(true);
    assertThat(handed).isEqualTo(stored.stream().map(KeycloakEvent::id).toList());
  }

  @Test
  void aPageThatCannotBeReadEndsTheWalkWithItsOwnFailure() {
    store(100, 3 * PAGE);
    EventPaging.Pages failing =
        (from, first) -> {
          if (!asked.isEmpty()) {
            throw new IllegalStateException("Keycloak answered 503");
          }
          return page(from, first);
        };

    assertThatThrownBy(() -> EventPaging.byTime(failing, 0, PAGE, this::sink, ahead))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Keycloak answered 503");
    assertThat(handed).hasSize(PAGE); // the page before it was stored; the cursor is the pull's
  }

  @Test
  void byOffsetGoesOnPastPagesKeycloakFilteredDown() {
    store(100, 12);
    // master's pages: Keycloak read PAGE events for each, and shows the realm only some
    EventPaging.Pages filtered =
        (from, first) -> {
          EventPage all = page(from, first);
          List<KeycloakEvent> shown =
              all.events().stream().filter(e -> e.id().endsWith("-0")).toList();
          return new EventPage(shown, all.scanned(), all.newest());
        };

    EventPaging.Walked walked = EventPaging.byOffset(filtered, 0, PAGE, this::sink);

    assertThat(handed).containsExactly("100-0");
    assertThat(walked.newest()).isEqualTo(100);
    assertThat(asked).extracting(r -> r[1]).containsExactly(0L, 5L, 10L);
  }

  private void store(long time, int count) {
    for (int i = 0; i < count; i++) {
      stored.add(new KeycloakEvent(time + "-" + i, "USER", time, null));
    }
    stored.sort(Comparator.comparingLong(KeycloakEvent::time));
  }

  private long count(LongPredicate time) {
    return stored.stream().filter(e -> time.test(e.time())).count();
  }

  private EventPage page(long from, int first) {
    asked.add(new long[] {from, first});
    List<KeycloakEvent> after =
        new ArrayList<>(stored.stream().filter(e -> e.time() >= from).toList());
    if (tieOrder != null) {
      Collections.shuffle(after, tieOrder);
      after.sort(Comparator.comparingLong(KeycloakEvent::time)); // stable: ties stay shuffled
    }
    List<KeycloakEvent> page = after.stream().skip(first).limit(PAGE).toList();
    long newest = page.stream().mapToLong(KeycloakEvent::time).max().orElse(from);
    return new EventPage(page, page.size(), newest);
  }

  private int sink(EventPage page) {
    page.events().forEach(e -> handed.add(e.id()));
    return page.events().size();
  }
}
