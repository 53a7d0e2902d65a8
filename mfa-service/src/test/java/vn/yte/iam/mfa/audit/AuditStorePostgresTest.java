package vn.yte.iam.mfa.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Against the PostgreSQL every development and CI machine runs on 127.0.0.1:5432 (database {@code
 * test}), in a schema of its own that is dropped afterwards. Override with {@code YTE_TEST_PG_URL}.
 */
@SpringBootTest(
    properties = {
      "yte.population.api-key=unused",
      "yte.population.citizen-key=0123456789abcdef0123456789abcdef"
    })
class AuditStorePostgresTest extends AuditStoreContract {
  static final String BASE_URL =
      System.getenv().getOrDefault("YTE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER = System.getenv().getOrDefault("YTE_TEST_PG_USER", "postgres");
  static final String SCHEMA = "yte_test_" + UUID.randomUUID().toString().replace("-", "");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> BASE_URL + "?currentSchema=" + SCHEMA);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.schemas", () -> SCHEMA);
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(BASE_URL, USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  /** The service's own connection cannot rewrite history: the append-only trigger refuses. */
  @Test
  void updateDeleteAndTruncateAreRefusedByTheDatabase() {
    AuditRecord r = audit.append(event("pg", 1));
    assertThatThrownBy(
            () -> jdbc.update("UPDATE audit_record SET outcome = 'X' WHERE seq = ?", r.seq()))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_record WHERE seq = ?", r.seq()))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_record"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
  }

  /** A table owner can still switch the trigger off; the hash chain is what catches that. */
  @Override
  void tamper(String sql) {
    jdbc.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_update_delete");
    try {
      jdbc.update(sql);
    } finally {
      jdbc.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_no_update_delete");
    }
  }

  @Override
  void tamperCheckpoints(String sql) {
    jdbc.execute("ALTER TABLE audit_checkpoint DISABLE TRIGGER audit_checkpoint_no_update_delete");
    try {
      jdbc.update(sql);
    } finally {
      jdbc.execute("ALTER TABLE audit_checkpoint ENABLE TRIGGER audit_checkpoint_no_update_delete");
    }
  }
}
