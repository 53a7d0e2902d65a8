package vn.yte.iam.mfa.lookup;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import vn.yte.iam.mfa.support.PostgresSchema;

/** The lookup windows on PostgreSQL (production): a schema of its own per test, then dropped. */
class LookupGuardPostgresTest extends LookupGuardContract {
  private final PostgresSchema schema = new PostgresSchema("yte_lookup");
  private boolean migrated;

  @Override
  HikariDataSource newPool() {
    HikariDataSource pool = schema.pool(PostgresSchema.USER);
    if (!migrated) {
      schema.migrate(pool, "");
      migrated = true;
    }
    return pool;
  }

  @AfterEach
  void dropSchema() throws SQLException {
    closePools();
    schema.close();
  }
}
