package vn.yte.iam.mfa.audit;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The integrity badge an auditor sees beside each record (LOG-5): the record's own hash recomputed,
 * its links to the records before and after it (and to the chain head, for the last) checked, and
 * the signed checkpoint that seals it checked against the chain. A record edited in place shows as
 * altered; so does the neighbour of a deleted or inserted record, and a record rewritten with every
 * later hash recomputed, which the signed checkpoint no longer matches. Whether records far from
 * the ones shown were removed only the whole-chain verification can tell, which the badge therefore
 * does not claim.
 */
@Service
public class RecordIntegrity {
  /** What an auditor can rely on for one record. */
  public enum Badge {
    /** Hash and links hold, and the signed checkpoint that covers it still matches the chain. */
    SEALED,
    /** Hash and links hold; it is newer than the last signed checkpoint. */
    INTACT,
    /**
     * Its hash, a link to its neighbours, or the signed checkpoint covering it does not hold: the
     * record, the chain after it, or the checkpoint was changed.
     */
    ALTERED
  }

  /** Whether a signed checkpoint covers a record, and whether it still holds. */
  enum Seal {
    NONE,
    HOLDS,
    BROKEN;

    static Seal of(NavigableMap<Long, Boolean> seals, long seq) {
      Map.Entry<Long, Boolean> sealing = seals.ceilingEntry(seq);
      return sealing == null ? NONE : sealing.getValue() ? HOLDS : BROKEN;
    }
  }

  /** A record as the auditor API returns it: its fields and its badge. */
  public record Checked(@JsonUnwrapped AuditRecord record, Badge integrity) {}

  private final AuditRepository records;
  private final Checkpoints checkpoints;

  RecordIntegrity(AuditRepository records, Checkpoints checkpoints) {
    this.records = records;
    this.checkpoints = checkpoints;
  }

  @Transactional(readOnly = true)
  public List<Checked> check(List<AuditRecord> shown) {
    Set<Long> neighbours = new HashSet<>();
    for (AuditRecord r : shown) {
      neighbours.add(r.seq() - 1);
      neighbours.add(r.seq() + 1);
    }
    Map<Long, AuditRepository.Links> links = records.links(neighbours);
    HashChain.Head head = records.head();
    NavigableMap<Long, Boolean> seals =
        checkpoints.sealsOf(shown.stream().map(AuditRecord::seq).distinct().toList());
    return shown.stream()
        .map(r -> new Checked(r, badge(r, links, head, Seal.of(seals, r.seq()))))
        .toList();
  }

  static Badge badge(
      AuditRecord r, Map<Long, AuditRepository.Links> links, HashChain.Head head, Seal seal) {
    if (!hashHolds(r)
        || !linkedToPrevious(r, links)
        || !linkedToNext(r, links, head)
        || seal == Seal.BROKEN) {
      return Badge.ALTERED;
    }
    return seal == Seal.HOLDS ? Badge.SEALED : Badge.INTACT;
  }

  private static boolean hashHolds(AuditRecord r) {
    try {
      return HashChain.hash(r.prevHash(), r.seq(), r.formatVersion(), r.recordedAt(), r.event())
          .equals(r.entryHash());
    } catch (IllegalArgumentException unknownFormat) {
      return false;
    }
  }

  private static boolean linkedToPrevious(AuditRecord r, Map<Long, AuditRepository.Links> links) {
    if (r.seq() == 1) {
      return HashChain.GENESIS.equals(r.prevHash());
    }
    AuditRepository.Links previous = links.get(r.seq() - 1);
    return previous != null && previous.entryHash().equals(r.prevHash());
  }

  private static boolean linkedToNext(
      AuditRecord r, Map<Long, AuditRepository.Links> links, HashChain.Head head) {
    if (r.seq() == head.lastSeq()) {
      return r.entryHash().equals(head.lastHash());
    }
    AuditRepository.Links next = links.get(r.seq() + 1);
    return next != null && r.entryHash().equals(next.prevHash());
  }
}
