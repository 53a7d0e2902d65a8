package vn.yte.iam.mfa.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit store's behaviour, run against each supported database: the embedded H2 default and
 * PostgreSQL (production).
 */
abstract class AuditStoreContract {
  @Autowired AuditService audit;
  @Autowired JdbcTemplate jdbc;

  static AuditEvent event(String user, int i) {
    return new AuditEvent(
        "TEST",
        "OK",
        "sub-" + user,
        user,
        "sid-" + user,
        "his-demo",
        "127.0.0.1",
        null,
        null,
        null,
        null,
        "n=" + i);
  }

  /** Lets the subclass rewrite a row behind the service's back, the way a rogue DBA would. */
  abstract void tamper(String sql);

  @Test
  void concurrentWritersProduceOneIntactChain() throws Exception {
    long before = audit.verify().isEmpty() ? countRows() : -1;
    assertThat(before).isGreaterThanOrEqualTo(0);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Callable<Long>> tasks = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String user = "writer" + t;
      tasks.add(
          () -> {
            long last = 0;
            for (int i = 0; i < 50; i++) {
              last = audit.append(event(user, i)).seq();
            }
            return last;
          });
    }
    for (Future<Long> f : pool.invokeAll(tasks)) {
      f.get();
    }
    pool.shutdown();

    assertThat(countRows()).isEqualTo(before + 200);
    Long maxSeq = jdbc.queryForObject("SELECT MAX(seq) FROM audit_record", Long.class);
    assertThat(maxSeq).isEqualTo(before + 200);
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  void roundTripKeepsEveryFieldSoHashesStillMatch() {
    AuditEvent full =
        new AuditEvent(
            "POPULATION_LOOKUP",
            "FOUND",
            "sub",
            "bs.nguyễn",
            "sid",
            "his",
            "10.1.2.3",
            "PC-07",
            "ref",
            "001******345",
            "TREATMENT",
            "Tiếng Việt có dấu ✓");
    AuditRecord written = audit.append(full);
    AuditRecord read =
        audit.find(new AuditQuery("bs.nguyễn", null, null, null, null, null, 1)).get(0);
    assertThat(read).isEqualTo(written);
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  void rewrittenRowIsDetected() {
    audit.append(event("victim", 1));
    AuditRecord target = audit.append(event("victim", 2));
    audit.append(event("victim", 3));
    tamper("UPDATE audit_record SET actor_username = 'someone-else' WHERE seq = " + target.seq());
    try {
      assertThat(audit.verify())
          .contains(new HashChain.Problem(target.seq(), "content altered: hash does not match"));
    } finally {
      tamper("UPDATE audit_record SET actor_username = 'victim' WHERE seq = " + target.seq());
    }
    assertThat(audit.verify()).isEmpty();
  }

  long countRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class);
  }
}
