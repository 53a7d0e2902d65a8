package vn.yte.iam.mfa.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import vn.yte.iam.mfa.support.PostgresSchema;
import vn.yte.iam.mfa.support.TestTokens;
import vn.yte.iam.simulator.PopulationSimulator;

/**
 * What the gateway adds to a lookup (LOG-2): the same lookups at a fixed arrival rate, once straight
 * to the upstream (the simulator) and once through mfa-service (token validation, input checks,
 * two audit records on PostgreSQL, the upstream call, the answer). Open loop: each request's
 * latency counts from when it was due, so a stall is not hidden by sending less (no coordinated
 * omission). The phases alternate; overhead = gateway percentile minus direct percentile.
 *
 * <p>Arguments: rate per second (500), seconds per phase (20), rounds (2).
 */
public final class GatewayOverheadBenchmark {
  static final String[] CITIZENS = {"001090012345", "079192034567", "031085001234"};

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    HttpClient http =
        HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(4))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try (TestTokens tokens = new TestTokens();
        PopulationSimulator upstream = PopulationSimulator.start("127.0.0.1", 0, "bench-key");
        PostgresSchema schema = new PostgresSchema("yte_bench");
        ConfigurableApplicationContext gateway =
            schema.startService(
                "--yte.token.issuer=" + TestTokens.ISSUER,
                "--yte.token.jwk-set-uri=" + tokens.jwksUri(),
                "--yte.population.upstream-url=" + upstream.baseUrl(),
                "--yte.population.api-key=bench-key",
                "--yte.lookup.per-minute=1000000",
                "--yte.lookup.bulk-distinct-per-hour=1000000",
                "--yte.audit.checkpoint.key-file=target/bench-checkpoint-key.jwk.json",
                "--logging.level.root=WARN")) {
      String port = gateway.getEnvironment().getProperty("local.server.port");
      URI viaGateway = URI.create("http://127.0.0.1:" + port + "/api/v1/lookups");
      URI direct = URI.create(upstream.baseUrl() + "/api/v1/cong-dan/tra-cuu");
      System.out.printf(
          Locale.ROOT, "rate %d/s, %d s per phase, %d rounds, PostgreSQL store%n", rate, seconds,
          rounds);

      // warm-up of both paths: JIT, connection pools, JWKS fetch
      phase(http, rate, 5, i -> directRequest(direct, i));
      String warmToken = tokens.token("bs.bench", "population-lookup");
      phase(http, rate, 10, i -> gatewayRequest(viaGateway, warmToken, i));

      for (int round = 1; round <= rounds; round++) {
        long[] d = phase(http, rate, seconds, i -> directRequest(direct, i));
        String token = tokens.token("bs.bench", "population-lookup");
        long[] g = phase(http, rate, seconds, i -> gatewayRequest(viaGateway, token, i));
        report("round " + round + " direct ", d);
        report("round " + round + " gateway", g);
        System.out.printf(
            Locale.ROOT,
            "round %d overhead: p50 %.2f ms, p99 %.2f ms%n",
            round,
            (pct(g, 50) - pct(d, 50)) / 1e6,
            (pct(g, 99) - pct(d, 99)) / 1e6);
      }
    }
    System.exit(0); // the HTTP client's threads
  }

  interface Requests {
    HttpRequest next(int i);
  }

  static HttpRequest directRequest(URI uri, int i) {
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .header("X-Api-Key", "bench-key")
        .header("X-Request-Id", "bench-" + i)
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"soDinhDanh\":\"" + CITIZENS[i % CITIZENS.length] + "\"}"))
        .build();
  }

  static HttpRequest gatewayRequest(URI uri, String token, int i) {
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .header("X-Workstation-Id", "BENCH-PC01")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"citizenId\":\""
                    + CITIZENS[i % CITIZENS.length]
                    + "\",\"purpose\":\"TREATMENT\"}"))
        .build();
  }

  /** Sends {@code rate} requests a second for {@code seconds}; latencies from each due time. */
  static long[] phase(HttpClient http, int rate, int seconds, Requests requests) throws Exception {
    int total = rate * seconds;
    long[] latencies = new long[total];
    CompletableFuture<?>[] all = new CompletableFuture<?>[total];
    AtomicInteger failures = new AtomicInteger();
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
      int n = i;
      all[i] =
          http.sendAsync(requests.next(i), HttpResponse.BodyHandlers.ofString())
              .handle(
                  (r, e) -> {
                    latencies[n] = System.nanoTime() - due;
                    if (e != null || r.statusCode() != 200) {
                      failures.incrementAndGet();
                    }
                    return null;
                  });
    }
    CompletableFuture.allOf(all).join();
    if (failures.get() > 0) {
      System.out.println("  failed requests: " + failures.get() + " of " + total);
    }
    Arrays.sort(latencies);
    return latencies;
  }

  static double pct(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
  }

  static void report(String what, long[] sorted) {
    System.out.printf(
        Locale.ROOT,
        "%s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (%d requests)%n",
        what,
        pct(sorted, 50) / 1e6,
        pct(sorted, 95) / 1e6,
        pct(sorted, 99) / 1e6,
        sorted[sorted.length - 1] / 1e6,
        sorted.length);
  }
}
