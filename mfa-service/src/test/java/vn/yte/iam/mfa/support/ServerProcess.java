package vn.yte.iam.mfa.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A server run from its jar in a JVM of its own, as in production: mfa-service or the population
 * simulator, for crash tests and benchmarks. Stopped on close, and waited for.
 */
public record ServerProcess(Process process) implements AutoCloseable {
  /**
   * Starts {@code builder} and returns once {@code health} answers 200. If the process ends or is
   * not healthy within two minutes, it is stopped and the end of {@code log} is in the exception.
   */
  public static ServerProcess start(ProcessBuilder builder, URI health, Path log)
      throws IOException, InterruptedException {
    ServerProcess server = new ServerProcess(builder.start());
    HttpClient probe = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline && server.process.isAlive()) {
      try {
        HttpResponse<Void> r =
            probe.send(
                HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return server;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(300);
    }
    server.close();
    throw new IllegalStateException("Not healthy at " + health + "; its log ends:\n" + tail(log));
  }

  /** SIGKILL: no shutdown hook, no last commit, no goodbye. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
