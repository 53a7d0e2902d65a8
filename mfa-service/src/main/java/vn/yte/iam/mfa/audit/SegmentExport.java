package vn.yte.iam.mfa.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * WORM-style export (LOG-5): each sealed segment (the records up to a checkpoint, from the one
 * before) is written once to a directory (mount a retention-locked or append-only store there), as
 * {@code segment-<from>-<to>.ndjson}, made read-only, and never written again.
 */
@Service
public class SegmentExport {
  private final AuditRepository records;
  private final CheckpointRepository checkpoints;

  SegmentExport(AuditRepository records, CheckpointRepository checkpoints) {
    this.records = records;
    this.checkpoints = checkpoints;
  }

  /** Writes every sealed segment not yet in {@code dir}; returns the files written. */
  @Transactional(readOnly = true)
  public List<Path> exportSealed(Path dir) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      Checkpoint previous = null;
      for (Checkpoint c : checkpoints.all()) {
        long from = SegmentFile.firstSeq(previous);
        Path target = dir.resolve("segment-" + from + "-" + c.seq() + ".ndjson");
        if (!Files.exists(target)) {
          write(target, from, previous, c);
          written.add(target);
        }
        previous = c;
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("Export to " + dir, e);
    }
  }

  private void write(Path target, long from, Checkpoint previous, Checkpoint c) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), ".segment-", ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
          Stream<AuditRecord> range = records.streamRange(from, c.seq())) {
        SegmentFile.write(out, previous, c, range::iterator);
      }
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r--r--r--"));
      } catch (UnsupportedOperationException notPosix) {
        temp.toFile().setReadOnly();
      }
      // A hard link never replaces: a segment already there stays as first written.
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException racedByAnotherInstance) {
      // the other instance wrote the same sealed content
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
