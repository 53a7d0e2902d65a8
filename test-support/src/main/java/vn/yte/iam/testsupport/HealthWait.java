package vn.yte.iam.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Waiting for a server started as a process of its own, with the end of its log on failure. */
public final class HealthWait {
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private HealthWait() {}

  /**
   * Returns once {@code health} answers 200. Throws, with the end of {@code log}, if {@code
   * process} ends first or {@code timeout} passes; the process is left as it is.
   */
  public static void await(String name, Process process, URI health, Duration timeout, Path log)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; its log ends:\n" + tail(log));
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(health).timeout(PROBE_TIMEOUT).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // still starting
      }
      Thread.sleep(300);
    }
    throw new IllegalStateException(
        name
            + " not healthy at "
            + health
            + " within "
            + timeout
            + "; its log ends:\n"
            + tail(log));
  }

  /** The last 40 lines of {@code log}. */
  public static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
