package vn.yte.iam.mfa.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to and reads the audit chain. Appends are serialised by a row lock on the chain head, so
 * several service instances can write to one database and still produce a single valid chain.
 */
@Service
public class AuditService {
  /** Most events one commit seals: bounds the transaction under a burst. */
  static final int GROUP_MAX = 500;

  /** How long a queued caller sleeps before looking at the lock again, if nobody woke it. */
  static final Duration LOOK_AGAIN_AFTER = Duration.ofMillis(100);

  private final AuditRepository repository;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;
  private final TransactionTemplate outsideTransactions;
  private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
  private final ReentrantLock committer = new ReentrantLock();
  private final long lookAgainAfterNanos;

  /**
   * Under {@link #committer}: the head as this instance's last group left it, where the next group
   * is sealed onto in one statement; null when not known (at start, after a failure, on H2).
   */
  private HashChain.Head lastWritten;

  @Autowired
  AuditService(AuditRepository repository, Clock clock, PlatformTransactionManager transactions) {
    this(repository, clock, transactions, LOOK_AGAIN_AFTER);
  }

  /**
   * {@code lookAgainAfter}: the safety net under the hand-over (tests lengthen it to prove that).
   */
  AuditService(
      AuditRepository repository,
      Clock clock,
      PlatformTransactionManager transactions,
      Duration lookAgainAfter) {
    this.lookAgainAfterNanos = lookAgainAfter.toNanos();
    this.repository = repository;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.outsideTransactions = new TransactionTemplate(transactions);
    this.outsideTransactions.setPropagationBehavior(
        TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
  }

  /**
   * Seals and stores one event, durably, in a transaction of its own; returns once it is committed.
   * Any failure propagates: callers must not perform the audited action unless this returned (fail
   * closed).
   *
   * <p>Group commit: the chain is one sequence, so appends serialise on the head row and each
   * commit waits for the disk. Events arriving while one commit is under way are sealed and
   * committed together by the next, so concurrent callers share one head lock and one disk flush
   * instead of queueing for one each. No caller returns before its own record is committed.
   *
   * <p>The caller that finds no commit under way commits what is queued until its own record is
   * done, then hands over: it wakes the caller of the first record still queued, which commits
   * next. Every other caller only sleeps until its record is done or the turn is handed to it.
   * Waiting for the lock to see its result made a caller whose record was long committed queue
   * behind new callers taking the lock first (one append in a hundred took 100 ms with 16 writers);
   * committing until the queue was empty made the committing caller wait for records that came
   * after its own (at 500 lookups/s, a few milliseconds in the slowest of them).
   */
  public AuditRecord append(AuditEvent event) {
    Pending mine = new Pending(event, Thread.currentThread());
    pending.add(mine);
    boolean interrupted = false;
    while (!mine.result.isDone()) {
      if (committer.tryLock()) {
        try {
          while (!mine.result.isDone()) { // ours is queued until a commit answers it
            commitPending();
          }
        } finally {
          committer.unlock();
        }
        handOver();
      } else {
        // Woken when ours is answered or the turn is ours; the timeout only guards against a
        // committer that died before handing over.
        LockSupport.parkNanos(this, lookAgainAfterNanos);
        interrupted |= Thread.interrupted(); // the record's fate must be known before returning
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    try {
      return mine.result.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * After unlocking: wakes the caller of the first record still queued, to commit next. A caller
   * that queued while the lock was held and found it taken is seen here, so none is left asleep.
   */
  private void handOver() {
    Pending next = pending.peek();
    if (next != null) {
      LockSupport.unpark(next.caller());
    }
  }

  /** Under {@link #committer}: seals and commits everything queued, and answers each caller. */
  private void commitPending() {
    List<Pending> batch = new ArrayList<>();
    for (Pending p; batch.size() < GROUP_MAX && (p = pending.poll()) != null; ) {
      batch.add(p);
    }
    try {
      List<AuditRecord> records = appendGroup(batch.stream().map(Pending::event).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result.complete(records.get(i));
      }
    } catch (RuntimeException e) {
      batch.forEach(p -> p.result.completeExceptionally(e));
    }
    Thread self = Thread.currentThread();
    batch.stream().map(Pending::caller).filter(t -> t != self).forEach(LockSupport::unpark);
  }

  /**
   * Under {@link #committer}. While this instance is the only writer, the head is where its last
   * group left it, so the next group is sealed onto that and stored by one self-committing
   * statement, which checks the head is still there: one round trip to the database instead of
   * four, and a shorter hold on the head row. When another writer (an instance, ingest, the alert
   * scan) moved the head, that statement stores nothing and the group takes the locked path.
   */
  private List<AuditRecord> appendGroup(List<AuditEvent> events) {
    HashChain.Head expected = lastWritten;
    lastWritten = null; // unknown until this group is stored
    if (expected != null) {
      List<AuditRecord> sealed = seal(expected, events);
      if (Boolean.TRUE.equals(
          outsideTransactions.execute(status -> repository.appendIfHeadIs(expected, sealed)))) {
        lastWritten = endOf(sealed);
        return sealed;
      }
    }
    List<AuditRecord> records = ownTransaction.execute(status -> appendAll(events));
    if (repository.appendsInOneStatement()) {
      lastWritten = endOf(records);
    }
    return records;
  }

  private static HashChain.Head endOf(List<AuditRecord> records) {
    AuditRecord last = records.get(records.size() - 1);
    return new HashChain.Head(last.seq(), last.entryHash());
  }

  private List<AuditRecord> seal(HashChain.Head head, List<AuditEvent> events) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<AuditRecord> records = new ArrayList<>(events.size());
    long seq = head.lastSeq();
    String previous = head.lastHash();
    for (AuditEvent event : events) {
      AuditRecord record = HashChain.seal(++seq, previous, now, event);
      records.add(record);
      previous = record.entryHash();
    }
    return records;
  }

  private record Pending(AuditEvent event, Thread caller, CompletableFuture<AuditRecord> result) {
    Pending(AuditEvent event, Thread caller) {
      this(event, caller, new CompletableFuture<>());
    }
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
    List<AuditRecord> records = seal(repository.lockHead(), events);
    HashChain.Head end = endOf(records);
    repository.insertAll(records);
    repository.advanceHead(end.lastSeq(), end.lastHash());
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
