package vn.yte.iam.mfa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  /**
   * The one-statement append (what an instance uses while the head is where it left it) stores a
   * group only onto the head it was sealed on; sealed onto a head that moved, it stores nothing.
   */
  @Test
  void theOneStatementAppendStoresNothingOntoAMovedHead() throws SQLException {
    AuditRepository repository = new AuditRepository(JdbcClient.create(dataSource), dataSource);
    assertThat(repository.appendsInOneStatement()).isTrue();
    audit.append(event("head", 0));
    HashChain.Head head = repository.head();
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    AuditRecord first = HashChain.seal(head.lastSeq() + 1, head.lastHash(), at, event("head", 1));
    AuditRecord second = HashChain.seal(first.seq() + 1, first.entryHash(), at, event("head", 2));
    assertThat(repository.appendIfHeadIs(head, List.of(first, second))).isTrue();
    HashChain.Head moved = new HashChain.Head(second.seq(), second.entryHash());
    assertThat(repository.head()).isEqualTo(moved);

    long rows = countRows();
    AuditRecord late = HashChain.seal(head.lastSeq() + 1, head.lastHash(), at, event("head", 3));
    assertThat(repository.appendIfHeadIs(head, List.of(late))).isFalse();
    assertThat(countRows()).isEqualTo(rows);
    assertThat(repository.head()).isEqualTo(moved);
    assertThat(audit.verify()).isEmpty();
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
