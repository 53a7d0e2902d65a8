package vn.yte.iam.mfa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The audit store's behaviour, run against each supported database: the embedded H2 default and
 * PostgreSQL (production).
 */
abstract class AuditStoreContract {
  @Autowired AuditService audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired Checkpoints checkpoints;
  @Autowired RecordIntegrity integrity;
  @Autowired SegmentExport segments;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;

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

  /**
   * Many callers at once, as lookups arrive: each gets back its own record (group commit hands
   * every caller the record sealed for its event), and the records form one intact chain.
   */
  @Test
  void concurrentWritersProduceOneIntactChain() throws Exception {
    long before = audit.verify().isEmpty() ? countRows() : -1;
    assertThat(before).isGreaterThanOrEqualTo(0);
    appendAtOnce(List.of(audit), 16, 50);
    assertThat(countRows()).isEqualTo(before + 16 * 50);
    Long maxSeq = jdbc.queryForObject("SELECT MAX(seq) FROM audit_record", Long.class);
    assertThat(maxSeq).isEqualTo(before + 16 * 50);
    assertThat(audit.verify()).isEmpty();
  }

  /**
   * Several service instances on one database, each with its own AuditService: their appends form
   * one chain. An instance seals onto the head where its own last append left it; when another
   * instance moved it in between, nothing is stored twice or forked, and the append still lands.
   */
  @Test
  void instancesSharingTheStoreProduceOneIntactChain() throws Exception {
    AuditService other = anotherInstance(AuditService.LOOK_AGAIN_AFTER);
    long before = countRows();
    AuditRecord a1 = audit.append(event("instance-a", 1));
    AuditRecord b1 = other.append(event("instance-b", 1));
    AuditRecord a2 = audit.append(event("instance-a", 2)); // b1 moved the head a1 left
    AuditRecord b2 = other.append(event("instance-b", 2));
    assertThat(List.of(b1.seq(), a2.seq(), b2.seq()))
        .containsExactly(a1.seq() + 1, a1.seq() + 2, a1.seq() + 3);
    assertThat(List.of(b1.prevHash(), a2.prevHash(), b2.prevHash()))
        .containsExactly(a1.entryHash(), b1.entryHash(), a2.entryHash());

    appendAtOnce(List.of(audit, other), 8, 50);
    assertThat(countRows()).isEqualTo(before + 4 + 8 * 50);
    assertThat(audit.verify()).isEmpty();
  }

  /**
   * A caller whose record is queued while another commits is woken when its record is done or when
   * the committer hands the turn over. With the periodic look at the lock taken out of play, the
   * hand-over alone must bring every caller back: one left asleep would hang here.
   */
  @Test
  void everyQueuedCallerIsWokenByTheHandOverAlone() throws Exception {
    AuditService withoutSafetyNet = anotherInstance(Duration.ofDays(1));
    long before = countRows();
    appendAtOnce(List.of(withoutSafetyNet), 16, 50);
    assertThat(countRows()).isEqualTo(before + 16 * 50);
    assertThat(audit.verify()).isEmpty();
  }

  /** An AuditService of its own on this store, as another mfa-service instance has. */
  private AuditService anotherInstance(Duration lookAgainAfter) throws SQLException {
    return new AuditService(
        new AuditRepository(JdbcClient.create(dataSource), dataSource),
        Clock.systemUTC(),
        transactions,
        lookAgainAfter);
  }

  /**
   * Fail closed, and nothing lost or forked: while records cannot be stored, every caller waiting
   * on the group commit gets an error (none is left waiting), nothing is stored, and once the store
   * is back the chain goes on from where it was.
   */
  @Test
  void whileRecordsCannotBeStoredEveryCallerGetsAnErrorAndTheChainGoesOn() throws Exception {
    AuditRecord before = audit.append(event("outage", 0));
    List<Future<AuditRecord>> calls;
    jdbc.execute("ALTER TABLE audit_record RENAME TO audit_record_away");
    try {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Callable<AuditRecord>> tasks = new ArrayList<>();
      for (int i = 1; i <= 8; i++) {
        int n = i;
        tasks.add(() -> audit.append(event("outage", n)));
      }
      calls = pool.invokeAll(tasks, 60, TimeUnit.SECONDS); // cancels any left waiting
      pool.shutdownNow();
    } finally {
      jdbc.execute("ALTER TABLE audit_record_away RENAME TO audit_record");
    }
    for (Future<AuditRecord> call : calls) {
      assertThat(call.isCancelled()).as("answered, not left waiting").isFalse();
      assertThatThrownBy(call::get)
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(DataAccessException.class);
    }
    AuditRecord after = audit.append(event("outage", 9));
    assertThat(after.seq()).isEqualTo(before.seq() + 1);
    assertThat(after.prevHash()).isEqualTo(before.entryHash());
    assertThat(audit.verify()).isEmpty();
  }

  /**
   * {@code writers} threads, spread over {@code instances}, each append {@code each} events of
   * their own; asserts each got back its own records and no seq was handed out twice, all within a
   * minute (a caller left waiting fails it).
   */
  private static void appendAtOnce(List<AuditService> instances, int writers, int each)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Callable<List<AuditRecord>>> tasks = new ArrayList<>();
    for (int t = 0; t < writers; t++) {
      String user = "writer" + t;
      AuditService instance = instances.get(t % instances.size());
      tasks.add(
          () -> {
            List<AuditRecord> mine = new ArrayList<>();
            for (int i = 0; i < each; i++) {
              mine.add(instance.append(event(user, i)));
            }
            return mine;
          });
    }
    Set<Long> seqs = new HashSet<>();
    int t = 0;
    List<Future<List<AuditRecord>>> done = pool.invokeAll(tasks, 60, TimeUnit.SECONDS);
    pool.shutdownNow();
    for (Future<List<AuditRecord>> f : done) {
      assertThat(f.isCancelled()).as("writer%d answered, not left waiting", t).isFalse();
      String user = "writer" + t++;
      for (AuditRecord r : f.get()) {
        assertThat(r.event().actorUsername()).isEqualTo(user);
        assertThat(seqs.add(r.seq())).as("seq %d handed out once", r.seq()).isTrue();
      }
    }
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

  /**
   * Someone with write access to the database rewrites a record and recomputes every later hash and
   * the head: the chain alone then verifies, the signed checkpoint does not.
   */
  @Test
  void aRewriteWithRecomputedHashesIsCaughtByTheSignedCheckpoint() {
    AuditRecord target = audit.append(event("rewritten", 1));
    audit.append(event("rewritten", 2));
    checkpoints.seal();
    assertThat(checkpoints.verify()).isEmpty();
    try {
      rewriteFrom(target.seq(), "someone-else");
      assertThat(audit.verify()).as("the hash chain alone is fooled").isEmpty();
      assertThat(checkpoints.verify())
          .get()
          .extracting(HashChain.Problem::message)
          .asString()
          .contains("chain rewritten");
      assertThat(badgeOf(target.seq()))
          .as("its own hash and links hold, but the checkpoint covering it no longer does")
          .isEqualTo(RecordIntegrity.Badge.ALTERED);
    } finally {
      rewriteFrom(target.seq(), "rewritten");
    }
    assertThat(audit.verify()).isEmpty();
    assertThat(checkpoints.verify()).isEmpty();
    assertThat(badgeOf(target.seq())).isEqualTo(RecordIntegrity.Badge.SEALED);
  }

  private RecordIntegrity.Badge badgeOf(long seq) {
    AuditRecord shown =
        audit
            .find(new AuditQuery(null, null, null, null, null, null, AuditQuery.MAX_LIMIT))
            .stream()
            .filter(r -> r.seq() == seq)
            .findFirst()
            .orElseThrow();
    return integrity.check(List.of(shown)).get(0).integrity();
  }

  @Test
  void aForgedOrRemovedCheckpointIsCaught() {
    audit.append(event("forger", 1));
    Checkpoint first = checkpoints.seal().orElseThrow();
    audit.append(event("forger", 2));
    Checkpoint second = checkpoints.seal().orElseThrow();
    assertThat(checkpoints.verify()).isEmpty();
    String forged = second.jws().substring(0, second.jws().length() - 4) + "AAAA";
    tamperCheckpoints(
        "UPDATE audit_checkpoint SET jws = '" + forged + "' WHERE seq = " + second.seq());
    try {
      assertThat(checkpoints.verify())
          .get()
          .extracting(HashChain.Problem::seq)
          .isEqualTo(second.seq());
      assertThat(badgeOf(second.seq()))
          .as("a record covered only by a forged checkpoint is not sealed")
          .isNotEqualTo(RecordIntegrity.Badge.SEALED);
      assertThat(badgeOf(first.seq())).isEqualTo(RecordIntegrity.Badge.SEALED);
    } finally {
      tamperCheckpoints(
          "UPDATE audit_checkpoint SET jws = '" + second.jws() + "' WHERE seq = " + second.seq());
    }
    assertThat(checkpoints.verify()).isEmpty();
    assertThat(first.seq()).isLessThan(second.seq());
  }

  /**
   * WORM-style export: each sealed segment once, read-only, verifiable with the public key alone.
   */
  @Test
  void sealedSegmentsAreExportedOnceAndVerifyOffline(@TempDir Path dir) throws Exception {
    audit.append(event("segment", 0));
    checkpoints.seal(); // so that the segment below has a checkpoint before it
    audit.append(event("segment", 1));
    audit.append(event("segment", 2));
    checkpoints.seal();
    List<Path> written = segments.exportSealed(dir);
    assertThat(written).isNotEmpty();
    assertThat(segments.exportSealed(dir)).as("written once").isEmpty();
    Path last = written.get(written.size() - 1);
    // Checked on the mode bits: root may write any file, whatever they say.
    assertThat(Files.getPosixFilePermissions(last))
        .doesNotContain(
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);
    JWKSet keys = JWKSet.parse(checkpoints.publicKeys());
    for (Path segment : written) {
      assertThat(SegmentFile.verify(segment, keys)).as(segment.toString()).isEmpty();
    }

    Path copy = dir.resolve("tampered.ndjson");
    List<String> lines = new ArrayList<>(Files.readAllLines(last));
    int mine = lines.size() - 1; // the segment's last record is this test's second one
    assertThat(lines.get(mine)).contains("\"segment\"");
    lines.set(mine, lines.get(mine).replace("\"segment\"", "\"someone\""));
    Files.write(copy, lines);
    assertThat(SegmentFile.verify(copy, keys)).get().asString().contains("altered");
    Files.write(copy, Files.readAllLines(last).subList(0, lines.size() - 1));
    assertThat(SegmentFile.verify(copy, keys)).get().asString().contains("does not end");

    // Cut from the start, the rest made to chain from where the cut record ended.
    List<String> original = Files.readAllLines(last);
    assertThat(original).hasSizeGreaterThan(2);
    Map<String, Object> cutRecord = JSONObjectUtils.parse(original.get(1));
    String header =
        original
            .get(0)
            .replace((String) cutRecord.get("prevHash"), (String) cutRecord.get("entryHash"));
    List<String> cut = new ArrayList<>(List.of(header));
    cut.addAll(original.subList(2, original.size()));
    Files.write(copy, cut);
    assertThat(SegmentFile.verify(copy, keys))
        .get()
        .asString()
        .contains("expected record " + cutRecord.get("seq"));

    // The header's checkpoint before the segment: left out, or another genuine one.
    Map<String, Object> head = JSONObjectUtils.parse(original.get(0));
    assertThat(head.get("previousCheckpoint")).isNotNull();
    head.put("previousCheckpoint", null);
    original.set(0, JSONObjectUtils.toJSONString(head));
    Files.write(copy, original);
    assertThat(SegmentFile.verify(copy, keys)).get().asString().contains("does not start");
    head.put("previousCheckpoint", head.get("checkpoint"));
    original.set(0, JSONObjectUtils.toJSONString(head));
    Files.write(copy, original);
    assertThat(SegmentFile.verify(copy, keys)).get().asString().contains("does not start");
  }

  /**
   * Recomputes hashes from {@code seq} to the end and the head, as a rogue DBA with our code could.
   */
  private void rewriteFrom(long seq, String username) {
    List<AuditRecord> later =
        audit
            .find(new AuditQuery(null, null, null, null, null, null, AuditQuery.MAX_LIMIT))
            .stream()
            .filter(r -> r.seq() >= seq)
            .sorted(java.util.Comparator.comparingLong(AuditRecord::seq))
            .toList();
    String prev =
        jdbc.queryForObject("SELECT prev_hash FROM audit_record WHERE seq = ?", String.class, seq);
    for (AuditRecord r : later) {
      AuditEvent e = r.event();
      if (r.seq() == seq) {
        e =
            new AuditEvent(
                e.type(),
                e.outcome(),
                e.actorSubject(),
                username,
                e.sessionId(),
                e.clientId(),
                e.sourceIp(),
                e.workstation(),
                e.citizenRef(),
                e.citizenMasked(),
                e.purpose(),
                e.detail());
      }
      String hash = HashChain.hash(prev, r.seq(), r.formatVersion(), r.recordedAt(), e);
      tamper(
          "UPDATE audit_record SET actor_username = '"
              + e.actorUsername()
              + "', prev_hash = '"
              + prev
              + "', entry_hash = '"
              + hash
              + "' WHERE seq = "
              + r.seq());
      prev = hash;
    }
    jdbc.update("UPDATE audit_chain_head SET last_hash = ? WHERE id = 1", prev);
  }

  /** Lets the subclass rewrite a checkpoint behind the service's back. */
  abstract void tamperCheckpoints(String sql);

  long countRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class);
  }
}
