package vn.yte.iam.mfa.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs the end of the chain from time to time and checks the signatures (LOG-5). The hash chain
 * alone shows edits made by someone who cannot recompute hashes; a database administrator can, so
 * the checkpoints, signed with a key the database does not hold, pin what the chain was.
 */
@Service
public class Checkpoints {
  static final String GENESIS = "0".repeat(64);

  private final AuditRepository records;
  private final CheckpointRepository checkpoints;
  private final CheckpointSigner signer;
  private final Clock clock;

  Checkpoints(
      AuditRepository records,
      CheckpointRepository checkpoints,
      CheckpointSigner signer,
      Clock clock) {
    this.records = records;
    this.checkpoints = checkpoints;
    this.signer = signer;
    this.clock = clock;
  }

  /** Signs the current end of the chain if it grew since the last checkpoint. */
  @Transactional
  public Optional<Checkpoint> seal() {
    HashChain.Head head = records.lockHead(); // one sealer at a time across instances
    Optional<Checkpoint> last = checkpoints.last();
    if (head.lastSeq() == 0 || last.filter(c -> c.seq() >= head.lastSeq()).isPresent()) {
      return Optional.empty();
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("seq", head.lastSeq());
    claims.put("hash", head.lastHash());
    claims.put("iat", now.getEpochSecond());
    claims.put("prev", last.map(c -> sha256(c.jws())).orElse(GENESIS));
    claims.put("format", HashChain.FORMAT_VERSION);
    Checkpoint checkpoint =
        new Checkpoint(head.lastSeq(), head.lastHash(), now, signer.sign(claims));
    checkpoints.insert(checkpoint);
    return Optional.of(checkpoint);
  }

  /**
   * Checks every checkpoint: our signature, linked to the one before, and the record it names still
   * has the signed hash. Empty when all hold.
   */
  @Transactional(readOnly = true)
  public Optional<HashChain.Problem> verify() {
    String previous = GENESIS;
    HashChain.Head head = records.head();
    for (Checkpoint c : checkpoints.all()) {
      Optional<Map<String, Object>> claims = signer.verified(c.jws());
      if (claims.isEmpty()) {
        return problem(c, "signature does not verify");
      }
      Map<String, Object> signed = claims.get();
      if (!rowAsSigned(c, signed)) {
        return problem(c, "row differs from what was signed");
      }
      if (!previous.equals(signed.get("prev"))) {
        return problem(c, "not linked to the checkpoint before it (one removed or replaced)");
      }
      if (c.seq() > head.lastSeq()) {
        return problem(c, "chain ends before this signed checkpoint: records removed from the end");
      }
      Optional<String> now = records.entryHash(c.seq());
      if (now.isEmpty() || !now.get().equals(c.entryHash())) {
        return problem(c, "chain rewritten: record " + c.seq() + " no longer has the signed hash");
      }
      previous = sha256(c.jws());
    }
    return Optional.empty();
  }

  /**
   * For the checkpoints that seal these records (the first at or after each), by checkpoint seq:
   * whether it still seals what it sealed (our signature, the row as signed, and the record it
   * names with the signed hash). A record with no entry at or after it is newer than the last
   * checkpoint. {@link #verify()} checks every checkpoint and their links; this checks only these.
   */
  @Transactional(readOnly = true)
  public NavigableMap<Long, Boolean> sealsOf(Collection<Long> recordSeqs) {
    NavigableMap<Long, Boolean> holds = new TreeMap<>();
    for (CheckpointRepository.Sealing sealing : checkpoints.sealing(recordSeqs)) {
      Checkpoint c = sealing.checkpoint();
      holds.put(
          c.seq(),
          c.entryHash().equals(sealing.recordHash())
              && signer.verified(c.jws()).filter(signed -> rowAsSigned(c, signed)).isPresent());
    }
    return holds;
  }

  private static boolean rowAsSigned(Checkpoint c, Map<String, Object> signed) {
    return String.valueOf(c.seq()).equals(String.valueOf(signed.get("seq")))
        && c.entryHash().equals(signed.get("hash"));
  }

  /** The latest checkpoint, without reading the others. */
  public Optional<Checkpoint> latest() {
    return checkpoints.last();
  }

  public List<Checkpoint> list() {
    return checkpoints.all();
  }

  public Map<String, Object> publicKeys() {
    return signer.publicKeys();
  }

  private static Optional<HashChain.Problem> problem(Checkpoint c, String what) {
    return Optional.of(new HashChain.Problem(c.seq(), "checkpoint at " + c.seq() + ": " + what));
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
