package vn.yte.iam.mfa.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;

/**
 * The hash chain that makes the audit log tamper-evident (LOG-5): each record's hash covers the
 * previous record's hash and every field of the record, so editing, deleting, inserting or
 * reordering any record breaks every link after it.
 *
 * <p>Canonical encoding, format version 1: for each field in a fixed order, a 4-byte big-endian
 * length (-1 for null) followed by its UTF-8 bytes. Length prefixes keep {@code ("ab","c")} and
 * {@code ("a","bc")} apart. Pure Java: no framework, so the same code can verify an exported copy.
 */
public final class HashChain {
  public static final int FORMAT_VERSION = 1;
  public static final String GENESIS = "0".repeat(64);

  private HashChain() {}

  public static AuditRecord seal(long seq, String prevHash, Instant recordedAt, AuditEvent event) {
    String hash = hash(prevHash, seq, FORMAT_VERSION, recordedAt, event);
    return new AuditRecord(seq, FORMAT_VERSION, recordedAt, event, prevHash, hash);
  }

  static String hash(
      String prevHash, long seq, int formatVersion, Instant recordedAt, AuditEvent e) {
    if (formatVersion != FORMAT_VERSION) {
      throw new IllegalArgumentException("Unknown audit format version " + formatVersion);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    write(out, prevHash);
    write(out, Long.toString(seq));
    write(out, Integer.toString(formatVersion));
    write(out, recordedAt.toString());
    for (String field : e.values()) {
      write(out, field);
    }
    return HexFormat.of().formatHex(sha256().digest(out.toByteArray()));
  }

  /**
   * Checks records in ascending {@code seq} order against the chain head the store keeps. Returns
   * the first problem found, or empty when every record and the head agree.
   */
  public static Optional<Problem> verify(Iterator<AuditRecord> records, Head head) {
    long expectedSeq = 1;
    String prev = GENESIS;
    while (records.hasNext()) {
      AuditRecord r = records.next();
      if (r.seq() != expectedSeq) {
        return Optional.of(
            new Problem(r.seq(), "sequence gap or reorder: expected " + expectedSeq));
      }
      if (!r.prevHash().equals(prev)) {
        return Optional.of(new Problem(r.seq(), "broken link: previous hash does not match"));
      }
      String recomputed;
      try {
        recomputed = hash(r.prevHash(), r.seq(), r.formatVersion(), r.recordedAt(), r.event());
      } catch (IllegalArgumentException unknownFormat) {
        return Optional.of(new Problem(r.seq(), unknownFormat.getMessage()));
      }
      if (!recomputed.equals(r.entryHash())) {
        return Optional.of(new Problem(r.seq(), "content altered: hash does not match"));
      }
      prev = r.entryHash();
      expectedSeq++;
    }
    long last = expectedSeq - 1;
    if (last != head.lastSeq() || !prev.equals(head.lastHash())) {
      return Optional.of(
          new Problem(
              last + 1,
              "chain head mismatch: head says "
                  + head.lastSeq()
                  + " records, found "
                  + last
                  + " (records removed from the end, or the head was altered)"));
    }
    return Optional.empty();
  }

  private static void write(ByteArrayOutputStream out, String field) {
    if (field == null) {
      out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
      return;
    }
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The store's record of the chain's end: what a deletion at the tail would have to forge. */
  public record Head(long lastSeq, String lastHash) {}

  /** The first record at which verification failed, and why. */
  public record Problem(long seq, String message) {}
}
