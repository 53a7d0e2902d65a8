package vn.yte.iam.mfa.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Which database the service runs on, for the few statements written differently for PostgreSQL
 * (production) and the embedded H2 default.
 */
public final class Database {
  private Database() {}

  /** Whether {@code dataSource} is PostgreSQL. */
  public static boolean isPostgres(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    }
  }
}
