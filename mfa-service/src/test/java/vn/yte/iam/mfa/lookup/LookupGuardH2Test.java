package vn.yte.iam.mfa.lookup;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** The lookup windows on the embedded default: an in-memory H2 database per test. */
class LookupGuardH2Test extends LookupGuardContract {
  private final String url =
      "jdbc:h2:mem:lookup-"
          + UUID.randomUUID()
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
  private boolean migrated;

  @Override
  HikariDataSource newPool() {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername("sa");
    if (!migrated) {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration/common")
          .load()
          .migrate();
      migrated = true;
    }
    return pool;
  }
}
