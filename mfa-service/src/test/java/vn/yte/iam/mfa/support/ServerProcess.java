package vn.yte.iam.mfa.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import vn.yte.iam.testsupport.HealthWait;

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
    try {
      HealthWait.await("The server", server.process, health, Duration.ofSeconds(120), log);
      return server;
    } catch (RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
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
}
