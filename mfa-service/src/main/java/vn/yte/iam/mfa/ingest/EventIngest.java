package vn.yte.iam.mfa.ingest;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.yte.iam.mfa.audit.AuditEvent;
import vn.yte.iam.mfa.audit.AuditRecord;
import vn.yte.iam.mfa.audit.AuditService;

/**
 * Pulls Keycloak's login, logout, MFA, password, token-to-client and admin events into the audit
 * chain (LOG-1), each tied to its user and SSO session (LOG-3), and, from {@code master}, the
 * sign-ins of the server administrators who administer the realm and the changes made there to the
 * realm's administration. Exactly once: an event's id is stored with its audit record in one
 * transaction, so an overlap, a retry or a crash between pull and commit cannot record it twice,
 * and a failed pull loses nothing (the cursor does not move).
 */
@Service
public class EventIngest {
  static final List<String> KINDS = List.of("USER", "ADMIN", "SERVER", "SERVER_ADMIN");
  private static final Logger log = LoggerFactory.getLogger(EventIngest.class);

  private final KeycloakEventClient keycloak;
  private final KeycloakUsernames usernames;
  private final IngestRepository repository;
  private final AuditService audit;
  private final TransactionTemplate transactions;
  private final IngestProperties properties;

  /** Reads the next page from Keycloak while the pull stores the one before (EventPaging). */
  private final ExecutorService readAhead =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "keycloak-read-ahead");
            thread.setDaemon(true);
            return thread;
          });

  EventIngest(
      KeycloakEventClient keycloak,
      KeycloakUsernames usernames,
      IngestRepository repository,
      AuditService audit,
      TransactionTemplate transactions,
      IngestProperties properties) {
    this.keycloak = keycloak;
    this.usernames = usernames;
    this.repository = repository;
    this.audit = audit;
    this.transactions = transactions;
    this.properties = properties;
  }

  private volatile Instant lastCompleted;
  private volatile String lastFailure;

  /** One pull of every kind; returns how many new events entered the chain. */
  public int pullOnce() {
    try {
      int added = 0;
      for (String kind : KINDS) {
        added += pull(kind);
      }
      lastCompleted = Instant.now();
      lastFailure = null;
      return added;
    } catch (RuntimeException e) {
      lastFailure = e.getMessage();
      throw e;
    }
  }

  /** How this instance's pulls have gone, for the self-assessment (SEC-6). */
  public Status status() {
    return new Status(properties.enabled(), properties.interval(), lastCompleted, lastFailure);
  }

  /**
   * @param lastCompleted when the last pull of every kind ended well; null: none yet
   * @param lastFailure why the last pull failed; null when it did not
   */
  public record Status(
      boolean enabled, Duration interval, Instant lastCompleted, String lastFailure) {}

  private int pull(String kind) {
    return transactions.execute(
        tx -> {
          long cursor = repository.lockCursor(kind);
          long from = Math.max(0, cursor - properties.overlap().toMillis());
          EventPaging.Pages pages = (at, first) -> keycloak.page(kind, at, first);
          EventPaging.Walked walked =
              KeycloakEventClient.filtersPages(kind)
                  ? EventPaging.byOffset(pages, from, keycloak.pageSize(kind), this::append)
                  : EventPaging.byTime(
                      pages, from, keycloak.pageSize(kind), this::append, readAhead);
          repository.advanceCursor(kind, Math.max(cursor, walked.newest()));
          if (walked.added() > 0) {
            log.debug("Ingested {} {} events from Keycloak", walked.added(), kind);
          }
          return walked.added();
        });
  }

  private int append(EventPage eventPage) {
    List<KeycloakEvent> page = eventPage.events();
    Set<String> taken =
        new HashSet<>(repository.alreadyIngested(page.stream().map(KeycloakEvent::id).toList()));
    List<KeycloakEvent> fresh = new ArrayList<>();
    for (KeycloakEvent e : page) {
      if (taken.add(e.id())) { // not in the chain yet, nor earlier in this page
        fresh.add(e);
      }
    }
    List<AuditEvent> events = usernames.complete(fresh.stream().map(KeycloakEvent::event).toList());
    List<AuditRecord> records = audit.appendAll(events);
    repository.rememberAll(fresh, records);
    return fresh.size();
  }

  @PreDestroy
  void stop() {
    readAhead.shutdownNow();
  }

  public long ingestedCount() {
    return repository.count();
  }
}
