package vn.yte.iam.mfa.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How far each reader of the chain in order (alert detector, webhook, syslog forwarder) has got.
 * Reading and advancing happen in the reader's transaction under a row lock, so with several
 * service instances one reader runs at a time and a crash repeats work rather than skipping it.
 */
@Repository
public class DeliveryCursors {
  private final JdbcClient jdbc;

  DeliveryCursors(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The last seq handled, locked until the caller's transaction ends. */
  public long lock(String name) {
    return jdbc.sql("SELECT last_seq FROM delivery_cursor WHERE name = ? FOR UPDATE")
        .param(name)
        .query(Long.class)
        .single();
  }

  public void advance(String name, long seq) {
    jdbc.sql("UPDATE delivery_cursor SET last_seq = ? WHERE name = ?").params(seq, name).update();
  }
}
