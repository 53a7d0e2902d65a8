package vn.yte.iam.mfa.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** LOG-5: one fixture per tampering mode, each with the exact verification message. */
class HashChainTest {
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00.123456Z");

  static AuditEvent event(String user, String outcome) {
    return new AuditEvent(
        "POPULATION_LOOKUP",
        outcome,
        "sub-" + user,
        user,
        "sid-1",
        "his-demo",
        "10.0.0.5",
        "ws-01",
        "ref",
        "001******345",
        "TREATMENT",
        "detail");
  }

  static List<AuditRecord> chain(int n) {
    List<AuditRecord> records = new ArrayList<>();
    String prev = HashChain.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditRecord r = HashChain.seal(i, prev, T0.plusSeconds(i), event("user" + i, "FOUND"));
      records.add(r);
      prev = r.entryHash();
    }
    return records;
  }

  static HashChain.Head headOf(List<AuditRecord> records) {
    AuditRecord last = records.get(records.size() - 1);
    return new HashChain.Head(last.seq(), last.entryHash());
  }

  static Optional<HashChain.Problem> verify(List<AuditRecord> records, HashChain.Head head) {
    return HashChain.verify(records.iterator(), head);
  }

  @Test
  void intactChainVerifies() {
    List<AuditRecord> records = chain(5);
    assertThat(verify(records, headOf(records))).isEmpty();
  }

  @Test
  void emptyChainVerifiesAgainstGenesisHead() {
    assertThat(verify(List.of(), new HashChain.Head(0, HashChain.GENESIS))).isEmpty();
  }

  @Test
  void sealingIsDeterministicAndCoversEveryField() {
    AuditRecord a = HashChain.seal(1, HashChain.GENESIS, T0, event("an", "FOUND"));
    AuditRecord b = HashChain.seal(1, HashChain.GENESIS, T0, event("an", "FOUND"));
    AuditRecord c = HashChain.seal(1, HashChain.GENESIS, T0, event("an", "NOT_FOUND"));
    AuditRecord d = HashChain.seal(1, HashChain.GENESIS, T0.plusNanos(1000), event("an", "FOUND"));
    assertThat(a.entryHash()).isEqualTo(b.entryHash()).hasSize(64);
    assertThat(c.entryHash()).isNotEqualTo(a.entryHash());
    assertThat(d.entryHash()).isNotEqualTo(a.entryHash());
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    AuditEvent ab =
        new AuditEvent("T", "O", "ab", "c", null, null, null, null, null, null, null, null);
    AuditEvent a =
        new AuditEvent("T", "O", "a", "bc", null, null, null, null, null, null, null, null);
    AuditEvent nullVsEmpty =
        new AuditEvent("T", "O", "", "c", null, null, null, null, null, null, null, null);
    AuditEvent nul =
        new AuditEvent("T", "O", null, "c", null, null, null, null, null, null, null, null);
    assertThat(HashChain.seal(1, HashChain.GENESIS, T0, ab).entryHash())
        .isNotEqualTo(HashChain.seal(1, HashChain.GENESIS, T0, a).entryHash());
    assertThat(HashChain.seal(1, HashChain.GENESIS, T0, nullVsEmpty).entryHash())
        .isNotEqualTo(HashChain.seal(1, HashChain.GENESIS, T0, nul).entryHash());
  }

  @Test
  void editedRecordIsDetected() {
    List<AuditRecord> records = chain(5);
    AuditRecord r = records.get(2);
    records.set(
        2,
        new AuditRecord(
            r.seq(),
            r.formatVersion(),
            r.recordedAt(),
            event("someone-else", "FOUND"),
            r.prevHash(),
            r.entryHash()));
    assertThat(verify(records, headOf(chain(5))))
        .contains(new HashChain.Problem(3, "content altered: hash does not match"));
  }

  @Test
  void deletedMiddleRecordIsDetected() {
    List<AuditRecord> records = chain(5);
    HashChain.Head head = headOf(records);
    records.remove(1);
    assertThat(verify(records, head))
        .contains(new HashChain.Problem(3, "sequence gap or reorder: expected 2"));
  }

  @Test
  void deletedAndRenumberedRecordIsDetected() {
    List<AuditRecord> records = chain(5);
    HashChain.Head head = headOf(records);
    records.remove(1);
    AuditRecord r = records.get(1);
    records.set(
        1,
        new AuditRecord(
            2, r.formatVersion(), r.recordedAt(), r.event(), r.prevHash(), r.entryHash()));
    assertThat(verify(records, head))
        .contains(new HashChain.Problem(2, "broken link: previous hash does not match"));
  }

  @Test
  void deletedFirstRecordIsDetected() {
    List<AuditRecord> records = chain(5);
    HashChain.Head head = headOf(records);
    records.remove(0);
    assertThat(verify(records, head))
        .contains(new HashChain.Problem(2, "sequence gap or reorder: expected 1"));
  }

  @Test
  void deletedLastRecordIsDetectedThroughTheHead() {
    List<AuditRecord> records = chain(5);
    HashChain.Head head = headOf(records);
    records.remove(4);
    assertThat(verify(records, head))
        .contains(
            new HashChain.Problem(
                5,
                "chain head mismatch: head says 5 records, found 4 (records removed from the end,"
                    + " or the head was altered)"));
  }

  @Test
  void insertedRecordIsDetected() {
    List<AuditRecord> records = chain(5);
    HashChain.Head head = headOf(records);
    AuditRecord forged =
        HashChain.seal(3, records.get(1).entryHash(), T0.plusSeconds(99), event("x", "FOUND"));
    records.add(2, forged);
    assertThat(verify(records, head))
        .contains(new HashChain.Problem(3, "sequence gap or reorder: expected 4"));
  }

  @Test
  void reorderedRecordsAreDetected() {
    List<AuditRecord> records = chain(5);
    HashChain.Head head = headOf(records);
    AuditRecord second = records.get(1);
    records.set(1, records.get(2));
    records.set(2, second);
    assertThat(verify(records, head))
        .contains(new HashChain.Problem(3, "sequence gap or reorder: expected 2"));
  }

  @Test
  void unknownFormatVersionIsReported() {
    List<AuditRecord> records = chain(2);
    AuditRecord r = records.get(1);
    records.set(
        1, new AuditRecord(r.seq(), 99, r.recordedAt(), r.event(), r.prevHash(), r.entryHash()));
    assertThat(verify(records, headOf(records)))
        .contains(new HashChain.Problem(2, "Unknown audit format version 99"));
  }
}
