package vn.yte.iam.mfa.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.yte.iam.mfa.lookup.PopulationConnector.UpstreamException;
import vn.yte.iam.simulator.PopulationSimulator;
import vn.yte.iam.testsupport.FreePorts;

/**
 * The HTTP connector against the shipped simulator and against upstreams that misbehave: every
 * failure is an {@link UpstreamException}, which the gateway audits as UPSTREAM_ERROR (502).
 */
class HttpPopulationConnectorTest {
  static final CitizenId KNOWN = new CitizenId("001090012345");
  static final CitizenId UNKNOWN = new CitizenId("001090012000");

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private HttpPopulationConnector connector(String url, String key, Duration timeout, int max) {
    HttpPopulationConnector connector =
        new HttpPopulationConnector(
            new PopulationProperties(url, key, timeout, "k".repeat(32), max));
    open.add(connector);
    return connector;
  }

  private PopulationSimulator simulator() throws IOException {
    PopulationSimulator simulator = PopulationSimulator.start("127.0.0.1", 0, "sim-key");
    open.add(simulator::close);
    return simulator;
  }

  /** An upstream that answers every lookup with {@code status} and {@code body} after a delay. */
  private String upstream(int status, String body, Duration delay, AtomicInteger calls)
      throws IOException {
    return upstream(
        exchange -> {
          calls.incrementAndGet();
          pause(delay);
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
  }

  /** An upstream answering lookups with {@code handler}, one thread per request; its base URL. */
  private String upstream(HttpHandler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(HttpPopulationConnector.LOOKUP_PATH, handler);
    server.start();
    open.add(() -> server.stop(0));
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aKnownCitizenIsReturnedAndAnUnknownOneIsEmpty() throws Exception {
    PopulationSimulator simulator = simulator();
    HttpPopulationConnector connector =
        connector(simulator.baseUrl(), "sim-key", Duration.ofSeconds(5), 4);

    PopulationConnector.CitizenSummary citizen = connector.lookup(KNOWN, "r1").orElseThrow();
    assertThat(citizen.fullName()).isNotBlank();
    assertThat(citizen.birthDate()).isNotBlank();
    assertThat(connector.lookup(UNKNOWN, "r2")).isEmpty();
    for (int i = 0; i < 20; i++) { // the pooled connection is reused
      assertThat(connector.lookup(KNOWN, "r" + i)).contains(citizen);
    }
    assertThat(simulator.lookupCount()).isEqualTo(22);
  }

  @Test
  void aRefusedKeyIsAnUpstreamErrorAndIsNotRetried() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    String url = upstream(401, "{\"error\":\"UNAUTHORIZED\"}", Duration.ZERO, calls);
    HttpPopulationConnector connector = connector(url, "wrong", Duration.ofSeconds(5), 4);

    assertThatThrownBy(() -> connector.lookup(KNOWN, "r1"))
        .isInstanceOf(UpstreamException.class)
        .hasMessage("upstream status 401");
    assertThat(calls).as("sent once").hasValue(1);
  }

  @Test
  void malformedJsonIsAnUpstreamError() throws Exception {
    String url = upstream(200, "{\"hoVaTen\":", Duration.ZERO, new AtomicInteger());
    HttpPopulationConnector connector = connector(url, "k", Duration.ofSeconds(5), 4);

    assertThatThrownBy(() -> connector.lookup(KNOWN, "r1"))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void anOversizedAnswerIsAnUpstreamError() throws Exception {
    String huge = "{\"hoVaTen\":\"" + "A".repeat(HttpPopulationConnector.MAX_ANSWER) + "\"}";
    String url = upstream(200, huge, Duration.ZERO, new AtomicInteger());
    HttpPopulationConnector connector = connector(url, "k", Duration.ofSeconds(5), 4);

    assertThatThrownBy(() -> connector.lookup(KNOWN, "r1"))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("larger than");
  }

  @Test
  void nothingListeningIsAnUpstreamError() {
    HttpPopulationConnector connector =
        connector("http://127.0.0.1:" + FreePorts.next(), "k", Duration.ofSeconds(2), 4);

    assertThatThrownBy(() -> connector.lookup(KNOWN, "r1"))
        .isInstanceOf(UpstreamException.class)
        .hasMessageStartingWith("upstream unreachable");
  }

  @Test
  void anUpstreamSlowerThanTheTimeoutIsAnUpstreamError() throws Exception {
    String url = upstream(200, "{}", Duration.ofSeconds(3), new AtomicInteger());
    HttpPopulationConnector connector = connector(url, "k", Duration.ofMillis(300), 4);

    long start = System.nanoTime();
    assertThatThrownBy(() -> connector.lookup(KNOWN, "r1"))
        .isInstanceOf(UpstreamException.class)
        .hasMessageStartingWith("upstream unreachable");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void noMoreThanMaxConnectionsAreOpenToTheUpstreamAtOnce() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    String url =
        upstream(
            exchange -> {
              most.accumulateAndGet(inside.incrementAndGet(), Math::max);
              pause(Duration.ofMillis(100));
              inside.decrementAndGet();
              exchange.sendResponseHeaders(404, -1);
              exchange.close();
            });
    HttpPopulationConnector connector = connector(url, "k", Duration.ofSeconds(5), 2);

    ExecutorService callers = Executors.newFixedThreadPool(6);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int n = i;
      done.add(
          callers.submit(
              () -> {
                go.await();
                return connector.lookup(KNOWN, "r" + n);
              }));
    }
    go.countDown();
    for (Future<?> f : done) {
      assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(Optional.empty());
    }
    callers.shutdown();
    assertThat(most).as("six callers, two connections").hasValue(2);
  }
}
