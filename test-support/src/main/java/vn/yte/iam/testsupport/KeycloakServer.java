package vn.yte.iam.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The real Keycloak server, booted from the unpacked Maven Central distribution with our provider
 * jar in {@code providers/}, listening on free loopback ports.
 *
 * <p>The Quarkus build step ({@code kc.sh build}) runs only when the provider jars or build options
 * changed since the last build of that distribution directory; later boots use {@code start
 * --optimized}. By default each boot uses an in-memory database, so every test class starts from
 * the realm files it imports; {@link Builder#postgres} keeps the data in PostgreSQL instead, across
 * restarts and kills, as in production.
 */
public final class KeycloakServer implements AutoCloseable {
  public static final String ADMIN_USERNAME = "bootstrap-admin";

  /**
   * The bootstrap service account, for tools: the shipped master realm demands TOTP of every
   * administrator who signs in with a password (SEC-3). Its secret is the bootstrap admin's
   * password, so a restart on the same database knows it too.
   */
  public static final String ADMIN_CLIENT_ID = "yte-bootstrap-admin";

  /**
   * As production builds it, apart from the database kind. Client secret rotation (ACC-2) is a
   * preview feature of Keycloak 26.7 that the shipped realm's client policy needs.
   */
  private static final List<String> BUILD_OPTIONS =
      List.of("--health-enabled=true", "--cache=local", "--features=client-secret-rotation");

  private final Process process;
  private final Path home;
  private final Path log;
  private final int httpPort;
  private final String adminPassword;

  private KeycloakServer(Process process, Path home, Path log, int httpPort, String adminPassword) {
    this.process = process;
    this.home = home;
    this.log = log;
    this.httpPort = httpPort;
    this.adminPassword = adminPassword;
  }

  /** Where the build unpacked the distribution; set by failsafe from the POM. */
  public static Path distributionFromBuild() {
    return Path.of(requiredProperty("keycloak.dist.dir"));
  }

  public static Path policiesDir() {
    return Path.of(requiredProperty("policies.dir"));
  }

  public static Builder builder(Path home) {
    return new Builder(home);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  public String issuer(String realm) {
    return baseUrl() + "/realms/" + realm;
  }

  public String adminPassword() {
    return adminPassword;
  }

  /** The secret of the {@link #ADMIN_CLIENT_ID} service account. */
  public String adminClientSecret() {
    return adminPassword;
  }

  /**
   * An access token of the {@link #ADMIN_CLIENT_ID} service account, which administers every realm:
   * tools sign in to master this way (client credentials), as the shipped master realm requires.
   */
  public String adminToken() {
    String form =
        "grant_type=client_credentials&client_id="
            + ADMIN_CLIENT_ID
            + "&client_secret="
            + URLEncoder.encode(adminClientSecret(), StandardCharsets.UTF_8);
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(issuer("master") + "/protocol/openid-connect/token"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(form))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Admin login failed: " + response.body());
      }
      return (String) ((Map<?, ?>) Json.parse(response.body())).get("access_token");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while signing in to Keycloak", e);
    }
  }

  public Path log() {
    return log;
  }

  /** The distribution this server runs from; its {@code conf/} is read at run time. */
  public Path home() {
    return home;
  }

  /**
   * kc.sh, whose child is the server's JVM: with its descendants, e.g. for CPU time in benchmarks.
   */
  public long pid() {
    return process.pid();
  }

  /** SIGKILL, as a crash or the OOM killer would: no shutdown, no last commit. */
  public void kill() throws InterruptedException {
    // kc.sh runs the JVM as its child: kill the whole tree, the JVM first.
    for (ProcessHandle child : process.descendants().toList()) {
      child.destroyForcibly();
      child.onExit().join();
    }
    process.destroyForcibly().waitFor();
  }

  /**
   * A copy of a distribution, for a server whose build options differ from the shared one's (a
   * build changes the distribution in place). Timestamps are kept: Keycloak compares them.
   */
  public static Path copyDistribution(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property '" + name + "' is not set; run integration tests through Maven");
    }
    return value;
  }

  /** Options for one boot. */
  public static final class Builder {
    private final Path home;
    private final List<Path> providers = new ArrayList<>();
    private final List<Path> realmFiles = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> extraOptions = new ArrayList<>();
    private Path logDir = Path.of(System.getProperty("build.dir", "target"));
    private Duration startTimeout = Duration.ofSeconds(180);
    private String database = "dev-mem";
    private final List<String> databaseOptions = new ArrayList<>();
    private int httpPort;
    private String adminPassword = "Kc-" + UUID.randomUUID() + "-9aA!";

    private Builder(Path home) {
      this.home = home;
    }

    public Builder provider(Path jar) {
      providers.add(jar);
      return this;
    }

    public Builder importRealm(Path realmJson) {
      realmFiles.add(realmJson);
      return this;
    }

    /** Environment for the server, e.g. values for {@code ${VAR}} placeholders in realm files. */
    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    public Builder option(String option) {
      extraOptions.add(option);
      return this;
    }

    /**
     * Keycloak's data in a PostgreSQL schema that must exist. Changes the build: use it on a {@link
     * #copyDistribution copy} of the distribution.
     */
    public Builder postgres(String jdbcUrl, String user, String schema) {
      database = "postgres";
      databaseOptions.addAll(
          List.of("--db-url=" + jdbcUrl, "--db-username=" + user, "--db-schema=" + schema));
      return this;
    }

    /** A fixed port, e.g. to restart on the address its clients were given; free by default. */
    public Builder httpPort(int port) {
      this.httpPort = port;
      return this;
    }

    /** The bootstrap admin's password; a restart on the same database needs the first one. */
    public Builder adminPassword(String password) {
      this.adminPassword = password;
      return this;
    }

    public Builder logDir(Path dir) {
      this.logDir = dir;
      return this;
    }

    public Builder startTimeout(Duration timeout) {
      this.startTimeout = timeout;
      return this;
    }

    public KeycloakServer start() {
      try {
        return boot();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while starting Keycloak", e);
      }
    }

    private KeycloakServer boot() throws IOException, InterruptedException {
      if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
        throw new IllegalStateException("No Keycloak distribution at " + home);
      }
      installProviders();
      installRealms();
      Files.createDirectories(logDir);
      buildIfChanged();

      int httpPort = this.httpPort != 0 ? this.httpPort : FreePorts.next();
      int managementPort = FreePorts.next();
      List<String> command = new ArrayList<>();
      command.add(home.resolve("bin/kc.sh").toString());
      command.add("start");
      command.add("--optimized");
      command.add("--http-enabled=true");
      command.add("--http-host=127.0.0.1");
      command.add("--http-port=" + httpPort);
      command.add("--http-management-port=" + managementPort);
      command.add("--hostname-strict=false");
      if (!realmFiles.isEmpty()) {
        command.add("--import-realm");
      }
      command.addAll(databaseOptions);
      command.addAll(extraOptions);

      Path log = logDir.resolve("keycloak-" + httpPort + ".log");
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())); // kept across restarts
      pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
      pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
      pb.environment().put("KC_BOOTSTRAP_ADMIN_CLIENT_ID", ADMIN_CLIENT_ID);
      pb.environment()
          .put("KC_BOOTSTRAP_ADMIN_CLIENT_SECRET", adminPassword); // see adminClientSecret
      pb.environment().putAll(env);
      Process process = pb.start();
      KeycloakServer server = new KeycloakServer(process, home, log, httpPort, adminPassword);
      try {
        awaitReady(process, managementPort, log);
      } catch (RuntimeException | Error e) {
        server.close();
        throw e;
      }
      return server;
    }

    /**
     * Keycloak refuses an optimized start when a provider file's timestamp changed since the build,
     * so an unchanged jar is left untouched rather than copied again.
     */
    private void installProviders() throws IOException {
      Path dir = home.resolve("providers");
      Files.createDirectories(dir);
      List<Path> wanted = providers.stream().map(jar -> dir.resolve(jar.getFileName())).toList();
      try (Stream<Path> old = Files.list(dir)) {
        for (Path p : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
          if (!wanted.contains(p)) {
            Files.delete(p);
          }
        }
      }
      for (Path jar : providers) {
        Path target = dir.resolve(jar.getFileName());
        if (!Files.exists(target) || Files.mismatch(jar, target) != -1) {
          Files.copy(jar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }

    private void installRealms() throws IOException {
      Path dir = home.resolve("data/import");
      Files.createDirectories(dir);
      try (Stream<Path> old = Files.list(dir)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
      for (Path realm : realmFiles) {
        Files.copy(realm, dir.resolve(realm.getFileName()));
      }
    }

    private List<String> buildOptions() {
      List<String> options = new ArrayList<>(List.of("--db=" + database));
      options.addAll(BUILD_OPTIONS);
      return options;
    }

    /** Re-runs the slow Quarkus augmentation only when its inputs changed. */
    private void buildIfChanged() throws IOException, InterruptedException {
      String fingerprint = fingerprint();
      Path marker = home.resolve("lib/quarkus/.yte-build-fingerprint");
      if (Files.exists(marker) && Files.readString(marker).equals(fingerprint)) {
        return;
      }
      List<String> command = new ArrayList<>();
      command.add(home.resolve("bin/kc.sh").toString());
      command.add("build");
      command.addAll(buildOptions());
      Path log = logDir.resolve("keycloak-build.log");
      Process build =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (build.waitFor() != 0) {
        throw new IllegalStateException("kc.sh build failed:\n" + HealthWait.tail(log));
      }
      Files.writeString(marker, fingerprint);
    }

    private String fingerprint() throws IOException {
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(String.join(" ", buildOptions()).getBytes(StandardCharsets.UTF_8));
        for (Path jar : providers) {
          digest.update(Files.readAllBytes(jar));
          // Keycloak also compares the installed file's timestamp with the one seen at build time.
          Path installed = home.resolve("providers").resolve(jar.getFileName());
          digest.update(
              Files.getLastModifiedTime(installed).toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private void awaitReady(Process process, int managementPort, Path log)
        throws InterruptedException {
      HealthWait.await(
          "Keycloak",
          process,
          URI.create("http://127.0.0.1:" + managementPort + "/health/ready"),
          startTimeout,
          log);
    }
  }
}
