package vn.yte.iam.mfa.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
    return appendAll(List.of(event)).get(0);
  }

  /**
   * Seals and stores several events in order, under one lock of the chain head and in one batch:
   * what bulk ingest uses. All or none are stored.
   */
  @Transactional
  public List<AuditRecord> appendAll(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    HashChain.Head head = repository.lockHead();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<AuditRecord> records = new ArrayList<>(events.size());
    long seq = head.lastSeq();
    String previous = head.lastHash();
    for (AuditEvent event : events) {
      AuditRecord record = HashChain.seal(++seq, previous, now, event);
      records.add(record);
      previous = record.entryHash();
    }
    repository.insertAll(records);
    repository.advanceHead(seq, previous);
    return records;
  }

  @Transactional(readOnly = true)
  public List<AuditRecord> find(AuditQuery query) {
    return repository.find(query);
  }

  /** Up to {@code limit} records after {@code seq}, oldest first; of one type unless null. */
  @Transactional(readOnly = true)
  public List<AuditRecord> after(long seq, String type, int limit) {
    return repository.after(seq, type, limit);
  }

  /** The newest {@code limit} records of one type, newest first. */
  @Transactional(readOnly = true)
  public List<AuditRecord> latest(String type, int limit) {
    return repository.latest(type, limit);
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
