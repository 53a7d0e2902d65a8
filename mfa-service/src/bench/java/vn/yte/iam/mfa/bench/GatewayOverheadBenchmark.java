package vn.yte.iam.mfa.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import vn.yte.iam.mfa.support.PostgresSchema;
import vn.yte.iam.mfa.support.ServerProcess;
import vn.yte.iam.mfa.support.TestTokens;
import vn.yte.iam.testsupport.FreePorts;

/**
 * What the gateway adds to a lookup (LOG-2): the same lookups at a fixed arrival rate, once
 * straight to the upstream (the simulator) and once through mfa-service (token validation, input
 * checks, two audit records on PostgreSQL, the upstream call, the answer). Open loop: each
 * request's latency counts from when it was due, so a stall is not hidden by sending less (no
 * coordinated omission). The phases alternate; overhead = gateway percentile minus direct
 * percentile. The simulator and mfa-service run from their built jars in JVMs of their own, as in
 * production.
 *
 * <p>Arguments: rate per second (500), seconds per phase (20), rounds (2). Environment:
 * BENCH_JAVA_OPTS (JVM options of the servers), BENCH_DB_URL (another database). The servers
 * inherit the environment, so other mfa-service settings can be given as usual, e.g.
 * YTE_AUDIT_CHECKPOINT_INTERVAL=1h to leave the checkpoint job out of a run.
 */
public final class GatewayOverheadBenchmark {
  static final String[] CITIZENS = {"001090012345", "079192034567", "031085001234"};
  static final int WARM_UP = 20_000;

  /** Rounds run at the measured rate before the reported ones. */
  static final int WARM_UP_ROUNDS = 2;

  /** Staff accounts the lookups come from, in turn: a hospital's, not one account at 500/s. */
  static final int ACCOUNTS = 1_000;

  /**
   * Connections, one thread each, the load is sent over: enough that requests are sent on time
   * while up to this many are outstanding (at 500/s, answers taking up to a quarter second).
   */
  static final int WORKERS = 128;

  /** When mfa-service answered its health check (System.nanoTime). */
  static long gatewayStarted;

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int upstreamPort = FreePorts.next();
    int gatewayPort = FreePorts.next();
    try (TestTokens tokens = new TestTokens();
        PostgresSchema schema = new PostgresSchema("yte_bench");
        ServerProcess upstream =
            start(
                "population simulator",
                "http://127.0.0.1:" + upstreamPort + "/health",
                Map.of("YTE_SIMULATOR_API_KEY", "bench-key"),
                jar("population-simulator"),
                Integer.toString(upstreamPort));
        ServerProcess gateway =
            start(
                "mfa-service",
                "http://127.0.0.1:" + gatewayPort + "/actuator/health",
                Map.ofEntries(
                    Map.entry("YTE_MFA_PORT", Integer.toString(gatewayPort)),
                    Map.entry("YTE_DB_URL", schema.url()),
                    Map.entry("YTE_DB_USER", PostgresSchema.USER),
                    Map.entry("SPRING_FLYWAY_SCHEMAS", schema.name()),
                    Map.entry("YTE_TOKEN_ISSUER", TestTokens.ISSUER),
                    Map.entry("YTE_TOKEN_JWKS_URI", tokens.jwksUri()),
                    Map.entry("YTE_POPULATION_URL", "http://127.0.0.1:" + upstreamPort),
                    Map.entry("YTE_POPULATION_API_KEY", "bench-key"),
                    Map.entry("YTE_AUDIT_CITIZEN_KEY", "bench-citizen-key-0123456789abcdef"),
                    // ACCOUNTS share the load: at 500/s each makes 30 a minute (warm-up: more).
                    Map.entry("YTE_LOOKUP_PER_MINUTE", "120"),
                    Map.entry("YTE_AUDIT_CHECKPOINT_KEY", "bench-checkpoint-key.jwk.json"),
                    Map.entry("LOGGING_LEVEL_ROOT", "WARN")),
                jar("mfa-service"))) {
      gatewayStarted = System.nanoTime();
      URI viaGateway = URI.create("http://127.0.0.1:" + gatewayPort + "/api/v1/lookups");
      URI direct = URI.create("http://127.0.0.1:" + upstreamPort + "/api/v1/cong-dan/tra-cuu");
      // Wall-clock time of "+0 s": lines the slowest seconds up with `vmstat -t 1` beside the run.
      System.out.printf(
          Locale.ROOT,
          "rate %d/s, %d s per phase, %d rounds, PostgreSQL store; +0 s is %s%n",
          rate,
          seconds,
          rounds,
          Instant.now().truncatedTo(ChronoUnit.SECONDS));

      // Warm-up of both paths (JIT, connection pools, JWKS fetch), closed loop: the JIT keeps
      // compiling for some 10,000 lookups, and CPU it spends then is not the steady state.
      String[] warmTokens = accountTokens(tokens);
      warmUp(viaGateway, WARM_UP, i -> gatewayRequest(warmTokens, i));
      warmUp(direct, WARM_UP / 4, GatewayOverheadBenchmark::directRequest);
      // Then whole rounds at the measured rate, not reported. After the closed loop alone, the
      // first open-loop phase cost mfa-service half again the CPU per lookup of the ones after it;
      // and each change from the direct phase to the gateway's (fresh connections, 1,000 fresh
      // tokens) set the JIT recompiling: in the 10 s after round 1's gateway phase began, 184 C2
      // compilations and 169 deoptimisations (-XX:+PrintCompilation), when the slowest requests
      // of the round came; rounds 4 and 5 had a p99 of 6-7 ms where round 1 had 10.5.
      for (int round = 1 - WARM_UP_ROUNDS; round <= rounds; round++) {
        long[] d = phase(direct, rate, seconds, GatewayOverheadBenchmark::directRequest);
        String[] accounts = accountTokens(tokens);
        CpuUse before = CpuUse.now(gateway, upstream);
        long[] g = phase(viaGateway, rate, seconds, i -> gatewayRequest(accounts, i));
        CpuUse used = CpuUse.now(gateway, upstream).minus(before);
        if (round < 1) {
          System.out.println("  (warm-up round, not reported)");
          continue;
        }
        report("round " + round + " direct ", d);
        report("round " + round + " gateway", g);
        System.out.printf(
            Locale.ROOT,
            "round %d overhead: p50 %.2f ms, p99 %.2f ms%n",
            round,
            (pct(g, 50) - pct(d, 50)) / 1e6,
            (pct(g, 99) - pct(d, 99)) / 1e6);
        used.report(round, g.length);
      }
    }
  }

  /** The module's built jar, from the repository root or a module directory. */
  static Path jar(String module) {
    for (Path p : List.of(Path.of(module, "target"), Path.of("..", module, "target"))) {
      Path jar = p.resolve(module + ".jar");
      if (Files.exists(jar)) {
        return jar.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("Build first: mvn -pl " + module + " -am package");
  }

  /** How the benchmark starts a server: log next to its jar, profiling and database overrides. */
  static ServerProcess start(
      String name, String health, Map<String, String> env, Path jar, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString()));
    command.addAll(List.of(args));
    // next to the jar: the module's target/, whatever the working directory
    Path log = jar.resolveSibling(name.replace(' ', '-') + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(jar.getParent().toFile()) // files it writes land in target/
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    if (System.getenv("BENCH_DB_URL") != null) {
      builder.environment().put("YTE_DB_URL", System.getenv("BENCH_DB_URL"));
      builder.environment().put("YTE_DB_USER", "sa");
    }
    // e.g. BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/{server}.jfr to profile them
    String options = System.getenv("BENCH_JAVA_OPTS");
    if (options != null) {
      builder
          .environment()
          .put("JAVA_TOOL_OPTIONS", options.replace("{server}", name.replace(' ', '-')));
    }
    return ServerProcess.start(builder, URI.create(health), log);
  }

  /**
   * CPU time used so far by mfa-service, the server it calls ({@code upstream}: here the
   * simulator), PostgreSQL's processes, this load generator and the whole machine (Linux /proc):
   * where a lookup's CPU goes, to see what limits the rate.
   */
  record CpuUse(
      double service, double upstream, double postgres, double generator, double machine) {
    static final double TICK = 0.01; // USER_HZ

    static CpuUse now(ServerProcess gateway, ServerProcess simulator) {
      return new CpuUse(
          seconds(gateway.process().toHandle()),
          seconds(simulator.process().toHandle()),
          postgresSeconds(),
          seconds(ProcessHandle.current()),
          machineSeconds());
    }

    CpuUse minus(CpuUse o) {
      return new CpuUse(
          service - o.service,
          upstream - o.upstream,
          postgres - o.postgres,
          generator - o.generator,
          machine - o.machine);
    }

    void report(int round, int requests) {
      // Some virtual machines' /proc/stat lags the processes' own counts; such a total is not
      // shown rather than shown wrong.
      String whole =
          machine >= service + upstream + postgres + generator
              ? String.format(Locale.ROOT, "%.2f ms", machine * 1e3 / requests)
              : "n/a (/proc/stat counted less than these processes)";
      System.out.printf(
          Locale.ROOT,
          "round %d CPU per gateway lookup: mfa-service %.2f ms, simulator %.2f ms, PostgreSQL %.2f"
              + " ms, load generator %.2f ms, whole machine %s%n",
          round,
          service * 1e3 / requests,
          upstream * 1e3 / requests,
          postgres * 1e3 / requests,
          generator * 1e3 / requests,
          whole);
    }

    static double seconds(ProcessHandle process) {
      return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** utime + stime of every process named postgres (backends come and go; enough for a phase). */
    static double postgresSeconds() {
      double total = 0;
      try (var dirs = Files.list(Path.of("/proc"))) {
        for (Path dir : (Iterable<Path>) dirs::iterator) {
          try {
            String stat = Files.readString(dir.resolve("stat"));
            if (stat.contains("(postgres)")) {
              String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
              total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK;
            }
          } catch (IOException | RuntimeException gone) {
            // not a process, or it ended while we looked
          }
        }
      } catch (IOException e) {
        return Double.NaN;
      }
      return total;
    }

    /** Busy time of all CPUs: the first line of /proc/stat without idle, iowait and steal. */
    static double machineSeconds() {
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < Math.min(f.length, 8); i++) { // not steal
          if (i != 4 && i != 5) { // idle, iowait
            busy += Long.parseLong(f[i]);
          }
        }
        return busy * TICK;
      } catch (IOException | RuntimeException e) {
        return Double.NaN;
      }
    }
  }

  /** A request's extra header lines (each ending in CRLF) and its JSON body. */
  record Call(String headers, String json) {}

  interface Requests {
    Call next(int i);
  }

  static Call directRequest(int i) {
    return new Call(
        "X-Api-Key: bench-key\r\nX-Request-Id: bench-" + i + "\r\n",
        "{\"soDinhDanh\":\"" + CITIZENS[i % CITIZENS.length] + "\"}");
  }

  /** A fresh token for each of the ACCOUNTS (lookups are limited per account). */
  static String[] accountTokens(TestTokens tokens) {
    String[] all = new String[ACCOUNTS];
    for (int a = 0; a < ACCOUNTS; a++) {
      all[a] = tokens.token(String.format(Locale.ROOT, "bs.bench%04d", a), "population-lookup");
    }
    return all;
  }

  static Call gatewayRequest(String[] accountTokens, int i) {
    return new Call(
        "Authorization: Bearer "
            + accountTokens[i % accountTokens.length]
            + "\r\nX-Workstation-Id: BENCH-PC01\r\n",
        "{\"citizenId\":\"" + CITIZENS[i % CITIZENS.length] + "\",\"purpose\":\"TREATMENT\"}");
  }

  /** {@code count} requests as fast as the servers answer, eight at a time. */
  static void warmUp(URI target, int count, Requests requests) throws Exception {
    send(target, count, 8, 0, requests);
  }

  /** Sends {@code rate} requests a second for {@code seconds}; latencies from each due time. */
  static long[] phase(URI target, int rate, int seconds, Requests requests) throws Exception {
    long began = System.nanoTime();
    long[] latencies = send(target, rate * seconds, WORKERS, rate, requests);
    reportSlowestSeconds(target, latencies, rate, began);
    Arrays.sort(latencies);
    return latencies;
  }

  /**
   * The three seconds of a phase with the slowest request, and when they were after mfa-service
   * started: a stall that recurs at a fixed period points at a periodic job.
   */
  static void reportSlowestSeconds(URI target, long[] latencies, int rate, long began) {
    int seconds = latencies.length / rate;
    long[] worst = new long[seconds];
    for (int i = 0; i < latencies.length; i++) {
      worst[i / rate] = Math.max(worst[i / rate], latencies[i]);
    }
    Integer[] order = new Integer[seconds];
    for (int i = 0; i < seconds; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(worst[b], worst[a]));
    StringBuilder line = new StringBuilder("  slowest seconds (" + target.getPort() + "):");
    for (int k = 0; k < Math.min(3, seconds); k++) {
      line.append(
          String.format(
              Locale.ROOT,
              " %.0f ms at +%d s",
              worst[order[k]] / 1e6,
              (began - gatewayStarted) / 1_000_000_000L + order[k]));
    }
    System.out.println(line);
  }

  /**
   * Sends {@code total} requests over {@code workers} connections, each worker taking the next
   * request when it is free. At a {@code rate} (0: as fast as answered) request i is due at start +
   * i / rate and its latency counts from then, however late a busy worker sends it.
   */
  static long[] send(URI target, int total, int workers, int rate, Requests requests)
      throws Exception {
    long[] latencies = new long[total];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    List<KeepAliveConnection> connections = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      connections.add(new KeepAliveConnection(target));
    }
    long interval = rate == 0 ? 0 : 1_000_000_000L / rate;
    long start = System.nanoTime() + 20_000_000L; // once every worker is waiting
    List<Thread> threads = new ArrayList<>();
    for (KeepAliveConnection connection : connections) {
      Thread worker =
          new Thread(
              () -> {
                for (int i; (i = next.getAndIncrement()) < total; ) {
                  long due = start + i * interval;
                  for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                  }
                  Call call = requests.next(i);
                  try {
                    if (connection.post(call.headers(), call.json()) != 200) {
                      failures.incrementAndGet();
                    }
                  } catch (IOException | RuntimeException e) {
                    failures.incrementAndGet();
                    try {
                      connection.reconnect();
                    } catch (IOException again) {
                      // the next request on it fails too, and is counted
                    }
                  }
                  latencies[i] = System.nanoTime() - due;
                }
              });
      worker.start();
      threads.add(worker);
    }
    for (Thread t : threads) {
      t.join();
    }
    for (KeepAliveConnection c : connections) {
      c.close();
    }
    if (failures.get() > 0) {
      System.out.println("  failed requests: " + failures.get() + " of " + total);
    }
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
