package vn.yte.iam.mfa.audit;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
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
 * A sealed segment of the chain as a file: a header line with the checkpoint that closes it, then
 * one JSON line per record. It verifies on its own, with nothing but this class and the checkpoint
 * public key: {@code java -cp mfa-service.jar -Dloader.main=vn.yte.iam.mfa.audit.SegmentFile
 * org.springframework.boot.loader.launch.PropertiesLauncher segment.ndjson jwks.json}.
 */
public final class SegmentFile {
  static final int FORMAT = 1;

  private SegmentFile() {}

  static void write(Writer out, String prevHash, Checkpoint checkpoint, Iterable<AuditRecord> rs)
      throws IOException {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("format", FORMAT);
    header.put("prevHash", prevHash);
    header.put("to", checkpoint.seq());
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
      JWSObject checkpoint = JWSObject.parse(JSONObjectUtils.getString(header, "checkpoint"));
      ECKey key = (ECKey) keys.getKeyByKeyId(checkpoint.getHeader().getKeyID());
      if (key == null || !checkpoint.verify(new ECDSAVerifier(key))) {
        return Optional.of("checkpoint signature does not verify");
      }
      Map<String, Object> signed = checkpoint.getPayload().toJSONObject();
      String prev = JSONObjectUtils.getString(header, "prevHash");
      long expected = -1;
      String line;
      while ((line = in.readLine()) != null) {
        Map<String, Object> r = JSONObjectUtils.parse(line);
        long seq = JSONObjectUtils.getLong(r, "seq");
        if (expected >= 0 && seq != expected) {
          return Optional.of("record " + seq + ": sequence gap or reorder");
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
      if (expected - 1 != JSONObjectUtils.getLong(signed, "seq")
          || !prev.equals(signed.get("hash"))) {
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
