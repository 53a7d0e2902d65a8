package vn.yte.iam.mfa.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When the application stops, a run in progress ends before what it uses is closed. */
class PeriodicTest {
  @Test
  void closingLetsARunInProgressFinish() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    Periodic periodic =
        Periodic.start(
            "test-run",
            Duration.ofHours(1),
            () -> {
              started.countDown();
              try {
                Thread.sleep(300); // a pull storing its page
                finished.set(true);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    periodic.close();

    assertThat(finished).isTrue(); // not interrupted, and done before close returned
  }

  @Test
  void aRunThatOutlastsTheGraceIsInterrupted() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    Periodic periodic =
        Periodic.start(
            "test-stuck",
            Duration.ofHours(1),
            () -> {
              started.countDown();
              try {
                Thread.sleep(Duration.ofMinutes(5).toMillis()); // an upstream that never answers
              } catch (InterruptedException e) {
                interrupted.countDown();
              }
            });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    periodic.close(Duration.ofMillis(100));

    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void noRunStartsAfterClosing() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch ranOnce = new CountDownLatch(1);
    Periodic periodic =
        Periodic.start(
            "test-ticks",
            Duration.ofMillis(20),
            () -> {
              runs.incrementAndGet();
              ranOnce.countDown();
            });
    assertThat(ranOnce.await(10, TimeUnit.SECONDS)).isTrue();

    periodic.close();
    int atClose = runs.get();
    Thread.sleep(200); // ten ticks

    assertThat(runs.get()).isEqualTo(atClose);
  }

  @Test
  void aFailedRunIsTriedAgainAtTheNextTick() throws Exception {
    CountDownLatch secondRun = new CountDownLatch(2);
    Periodic periodic =
        Periodic.start(
            "test-failing",
            Duration.ofMillis(20),
            () -> {
              secondRun.countDown();
              throw new IllegalStateException("database unavailable");
            });
    try {
      assertThat(secondRun.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      periodic.close();
    }
  }
}
