package vn.yte.iam.mfa.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.yte.iam.mfa.support.PostgresSchema;

/**
 * docker/postgres/init.sql's model: migrations run as the owner; the service runs as a role that
 * gets SELECT, INSERT and UPDATE by default privileges, and (V8, YTE_DB_APP_ROLE) DELETE on the
 * lookup-window tables only. The service role can do its work, and cannot delete audit records even
 * with the append-only trigger switched off.
 */
class AppRolePostgresTest {
  @Test
  void theServiceRoleCanKeepTheWindowsButCannotDeleteAuditRecords() throws Exception {
    try (PostgresSchema schema = new PostgresSchema("yte_role")) {
      String role = schema.name() + "_app";
      schema.execute("CREATE ROLE " + role + " LOGIN");
      try {
        schema.execute("CREATE SCHEMA " + schema.name());
        schema.execute("GRANT USAGE ON SCHEMA " + schema.name() + " TO " + role);
        schema.execute(
            "ALTER DEFAULT PRIVILEGES IN SCHEMA "
                + schema.name()
                + " GRANT SELECT, INSERT, UPDATE ON TABLES TO "
                + role);
        try (HikariDataSource owner = schema.pool(PostgresSchema.USER)) {
          schema.migrate(owner, role);
        }
        try (HikariDataSource service = schema.pool(role)) {
          LookupGuard guard = LookupGuardContract.guardOn(service, new LookupLimits(3, 4));
          Instant t0 = Instant.parse("2026-11-23T08:00:00Z");
          assertThat(guard.admit("a", "c", t0)).isEqualTo(LookupGuard.Verdict.ALLOW);
          assertThat(
                  LookupGuardContract.windowsOn(service)
                      .prune(t0.plusSeconds(7200), t0.plusSeconds(7200)))
              .isEqualTo(2);

          JdbcClient jdbc = JdbcClient.create(service);
          assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_record").update())
              .isInstanceOf(DataAccessException.class)
              .hasStackTraceContaining("permission denied for table audit_record");
          assertThatThrownBy(() -> jdbc.sql("DELETE FROM lookup_account").update())
              .as("DELETE is granted on the two pruned tables only")
              .hasStackTraceContaining("permission denied for table lookup_account");
        }
      } finally {
        schema.execute("DROP SCHEMA IF EXISTS " + schema.name() + " CASCADE");
        schema.execute("DROP OWNED BY " + role);
        schema.execute("DROP ROLE " + role);
      }
    }
  }
}
