package vn.yte.iam.mfa.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Keycloak's table of a realm's user events on PostgreSQL, written straight into in the columns
 * Keycloak's own store fills: for what real logins cannot make, a backlog of a hundred thousand
 * (Argon2 makes each login cost tens of milliseconds) or many events in one millisecond. The
 * caller's connection holds the transaction; rows go in batches of 1,000.
 */
public final class KeycloakEventTable implements AutoCloseable {
  private final PreparedStatement insert;
  private final String realmId;
  private int pending;

  /** The user events of {@code realm} in Keycloak's schema {@code schema}. */
  public KeycloakEventTable(Connection c, String schema, String realm) throws SQLException {
    try (PreparedStatement find =
        c.prepareStatement("SELECT id FROM " + schema + ".realm WHERE name = ?")) {
      find.setString(1, realm);
      try (ResultSet rs = find.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no realm " + realm + " in " + schema);
        }
        realmId = rs.getString(1);
      }
    }
    insert =
        c.prepareStatement(
            "INSERT INTO "
                + schema
                + ".event_entity (id, client_id, details_json, details_json_long_value, error,"
                + " ip_address, realm_id, session_id, event_time, type, user_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  /** Keycloak's id of the realm. */
  public String realmId() {
    return realmId;
  }

  /**
   * One event, as Keycloak stores it ({@code details} as JSON, in both of Keycloak's columns for
   * them); returns its id.
   */
  public String add(
      long time,
      String type,
      String userId,
      String sessionId,
      String clientId,
      String ipAddress,
      String error,
      String details)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    insert.setString(1, id);
    insert.setString(2, clientId);
    insert.setString(3, details);
    insert.setString(4, details);
    insert.setString(5, error);
    insert.setString(6, ipAddress);
    insert.setString(7, realmId);
    insert.setString(8, sessionId);
    insert.setLong(9, time);
    insert.setString(10, type);
    insert.setString(11, userId);
    insert.addBatch();
    if (++pending == 1000) {
      flush();
    }
    return id;
  }

  private void flush() throws SQLException {
    insert.executeBatch();
    pending = 0;
  }

  /** Sends what is left; the caller commits. */
  @Override
  public void close() throws SQLException {
    try {
      flush();
    } finally {
      insert.close();
    }
  }
}
