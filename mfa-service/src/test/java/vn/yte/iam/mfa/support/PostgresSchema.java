package vn.yte.iam.mfa.support;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.yte.iam.mfa.MfaServiceApplication;

/**
 * A throw-away schema in the PostgreSQL every development and CI machine runs on 127.0.0.1:5432
 * (database {@code test}; {@code YTE_TEST_PG_URL} and {@code YTE_TEST_PG_USER} override), and
 * mfa-service started on it. Dropped on close.
 */
public final class PostgresSchema implements AutoCloseable {
  public static final String URL =
      System.getenv().getOrDefault("YTE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String USER = System.getenv().getOrDefault("YTE_TEST_PG_USER", "postgres");

  /** The key citizen ids are hashed with in the chain; a test's own, never a real one. */
  private static final String CITIZEN_KEY = "pg-citizen-key-0123456789abcdef0123";

  private final String name;

  public PostgresSchema(String prefix) {
    this.name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
  }

  public String name() {
    return name;
  }

  /** The JDBC URL that puts a connection in this schema. */
  public String url() {
    return URL + "?currentSchema=" + name;
  }

  /** A connection pool on this schema, logging in as {@code user} (no password: trust auth). */
  public HikariDataSource pool(String user) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url());
    pool.setUsername(user);
    return pool;
  }

  /** mfa-service on this schema, on a free port, with {@code extra} arguments added. */
  public ConfigurableApplicationContext startService(String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.datasource.url=" + url());
    args.add("--spring.datasource.username=" + USER);
    args.add("--spring.datasource.password=");
    args.add("--spring.flyway.schemas=" + name);
    args.add("--yte.population.citizen-key=" + CITIZEN_KEY);
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(MfaServiceApplication.class)
        .run(args.toArray(String[]::new));
  }

  /**
   * The environment of an mfa-service process of its own on this schema, on {@code port}, that
   * pulls the events of Keycloak's realm at {@code issuer} as the mfa-service client ({@code
   * clientSecret}) and signs its checkpoints with the key in the file {@code checkpointKey} (made
   * if missing). Pull interval, page size and logging are left to the caller.
   */
  public Map<String, String> ingestingServiceEnvironment(
      int port, String issuer, String clientSecret, String checkpointKey) {
    Map<String, String> env = new HashMap<>();
    env.put("YTE_MFA_PORT", Integer.toString(port));
    env.put("YTE_DB_URL", url());
    env.put("YTE_DB_USER", USER);
    env.put("SPRING_FLYWAY_SCHEMAS", name);
    env.put("YTE_TOKEN_ISSUER", issuer);
    env.put("YTE_POPULATION_API_KEY", "unused");
    env.put("YTE_AUDIT_CITIZEN_KEY", CITIZEN_KEY);
    env.put("YTE_AUDIT_CHECKPOINT_KEY", checkpointKey);
    env.put("YTE_INGEST_ENABLED", "true");
    env.put("YTE_INGEST_CLIENT_SECRET", clientSecret);
    return env;
  }

  /**
   * Creates the schema with the service's migrations, as mfa-service does on start; {@code appRole}
   * as YTE_DB_APP_ROLE (empty: none).
   */
  public void migrate(DataSource dataSource, String appRole) {
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(name)
        .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
        .placeholders(Map.of("appRole", appRole))
        .load()
        .migrate();
  }

  public void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, USER, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }
}
