package vn.yte.iam.mfa.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and reads the audit chain. Appends are serialised by a row lock on the chain head, so
 * several service instances can write to one database and still produce a single valid chain.
 */
@Service
public class AuditService {
  private final AuditRepository repository;
  private final Clock clock;

  AuditService(AuditRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Seals and stores one event. Any failure propagates: callers must not perform the audited action
   * unless this returned (fail closed).
   */
  @Transactional
  public AuditRecord append(AuditEvent event) {
    HashChain.Head head = repository.lockHead();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditRecord record = HashChain.seal(head.lastSeq() + 1, head.lastHash(), now, event);
    repository.insert(record);
    repository.advanceHead(record.seq(), record.entryHash());
    return record;
  }

  @Transactional(readOnly = true)
  public List<AuditRecord> find(AuditQuery query) {
    return repository.find(query);
  }

  /** Re-computes the whole chain; empty when intact. */
  @Transactional(readOnly = true)
  public Optional<HashChain.Problem> verify() {
    HashChain.Head head = repository.head();
    try (Stream<AuditRecord> records = repository.streamInOrder()) {
      return HashChain.verify(records.iterator(), head);
    }
  }
}
