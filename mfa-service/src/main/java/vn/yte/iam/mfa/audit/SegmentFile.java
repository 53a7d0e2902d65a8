package vn.yte.iam.mfa.audit;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sealed segment of the chain as a file: a header line with the checkpoint that closes it and the
 * one before it (none for the first segment), then one JSON line per record. Both checkpoints are
 * signed and the closing one names the one before it, so the file is pinned at both ends: records
 * cut from its start are caught as surely as records cut from its end. It verifies on its own, with
 * nothing but the service jar and the checkpoint public key: {@code java -cp mfa-service.jar
 * -Dloader.main=vn.yte.iam.mfa.audit.SegmentFile
 * org.springframework.boot.loader.launch.PropertiesLauncher segment.ndjson jwks.json}.
 */
public final class SegmentFile {
  /** 2: the header carries the checkpoint before the segment instead of an unsigned start hash. */
  static final int FORMAT = 2;

  private SegmentFile() {}

  /** The first record of the segment after {@code previous} (null: the first segment). */
  static long firstSeq(Checkpoint previous) {
    return previous == null ? 1 : previous.seq() + 1;
  }

  /**
   * @param previous the checkpoint that closed the segment before, or null for the first segment
   */
  static void write(
      Writer out, Checkpoint previous, Checkpoint checkpoint, Iterable<AuditRecord> rs)
      throws IOException {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("format", FORMAT);
    header.put("from", firstSeq(previous));
    header.put("to", checkpoint.seq());
    header.put("previousCheckpoint", previous == null ? null : previous.jws());
    header.put("checkpoint", checkpoint.jws());
    out.write(JSONObjectUtils.toJSONString(header));
    out.write('\n');
    for (AuditRecord r : rs) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("seq", r.seq());
      line.put("formatVersion", r.formatVersion());
      line.put("recordedAt", r.recordedAt().toString());
      line.put("event", r.event().values());
      line.put("prevHash", r.prevHash());
      line.put("entryHash", r.entryHash());
      out.write(JSONObjectUtils.toJSONString(line));
      out.write('\n');
    }
  }

  /** Empty when the file is intact and closed by a checkpoint this key signed; else why not. */
  public static Optional<String> verify(Path file, JWKSet keys) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Map<String, Object> header = JSONObjectUtils.parse(in.readLine());
      if (JSONObjectUtils.getInt(header, "format") != FORMAT) {
        return Optional.of("unknown segment format " + header.get("format"));
      }
      String closing = JSONObjectUtils.getString(header, "checkpoint");
      Optional<Map<String, Object>> signed = CheckpointSigner.claimsSignedBy(closing, keys);
      if (signed.isEmpty()) {
        return Optional.of("checkpoint signature does not verify");
      }
      // Where the segment starts: right after the checkpoint the closing one names.
      String previous = JSONObjectUtils.getString(header, "previousCheckpoint");
      String prev = HashChain.GENESIS;
      long expected = 1;
      if (previous != null) {
        Optional<Map<String, Object>> before = CheckpointSigner.claimsSignedBy(previous, keys);
        if (before.isEmpty()) {
          return Optional.of("previous checkpoint signature does not verify");
        }
        prev = JSONObjectUtils.getString(before.get(), "hash");
        expected = JSONObjectUtils.getLong(before.get(), "seq") + 1;
      }
      String previousDigest = previous == null ? HashChain.GENESIS : Checkpoints.sha256(previous);
      if (!previousDigest.equals(signed.get().get("prev"))
          || JSONObjectUtils.getLong(header, "from") != expected) {
        return Optional.of("segment does not start where its checkpoint says");
      }
      String line;
      while ((line = in.readLine()) != null) {
        Map<String, Object> r = JSONObjectUtils.parse(line);
        long seq = JSONObjectUtils.getLong(r, "seq");
        if (seq != expected) {
          return Optional.of(
              "record "
                  + seq
                  + ": expected record "
                  + expected
                  + " (missing, reordered or inserted)");
        }
        List<String> values = JSONObjectUtils.getStringList(r, "event");
        AuditEvent e =
            new AuditEvent(
                values.get(0),
                values.get(1),
                values.get(2),
                values.get(3),
                values.get(4),
                values.get(5),
                values.get(6),
                values.get(7),
                values.get(8),
                values.get(9),
                values.get(10),
                values.get(11));
        String hash =
            HashChain.hash(
                prev,
                seq,
                JSONObjectUtils.getInt(r, "formatVersion"),
                Instant.parse(JSONObjectUtils.getString(r, "recordedAt")),
                e);
        if (!prev.equals(JSONObjectUtils.getString(r, "prevHash"))
            || !hash.equals(JSONObjectUtils.getString(r, "entryHash"))) {
          return Optional.of("record " + seq + ": altered");
        }
        prev = hash;
        expected = seq + 1;
      }
      if (expected - 1 != JSONObjectUtils.getLong(signed.get(), "seq")
          || !prev.equals(signed.get().get("hash"))) {
        return Optional.of("segment does not end where its checkpoint says");
      }
      return Optional.empty();
    } catch (java.text.ParseException | com.nimbusds.jose.JOSEException | RuntimeException e) {
      return Optional.of("unreadable segment: " + e.getMessage());
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: SegmentFile <segment.ndjson> <checkpoint-jwks.json>");
      System.exit(2);
    }
    JWKSet keys = JWKSet.parse(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
    Optional<String> problem = verify(Path.of(args[0]), keys);
    System.out.println(problem.map(p -> "NOT INTACT: " + p).orElse("intact"));
    System.exit(problem.isPresent() ? 1 : 0);
  }
}
