package vn.yte.iam.mfa.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.yte.iam.mfa.audit.AuditEvent;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.audit.HashChain;
import vn.yte.iam.mfa.web.ApiException;

/** Fail closed: no audit record, no lookup. */
class LookupServiceTest {
  final AtomicInteger upstreamCalls = new AtomicInteger();
  final PopulationConnector connector =
      (id, requestId) -> {
        upstreamCalls.incrementAndGet();
        return Optional.empty();
      };
  final CitizenPseudonyms pseudonyms =
      new CitizenPseudonyms(
          new PopulationProperties(
              "http://upstream", "key", Duration.ofSeconds(1), "k".repeat(32), null));
  final Caller caller =
      new Caller("sub", "bs.an", "sid", "his-demo", "2", List.of("otp"), null, "10.0.0.1", null);

  final LookupGuard guard = mock(LookupGuard.class);

  LookupService service(AuditService audit) {
    return new LookupService(audit, connector, pseudonyms, guard, Clock.systemUTC());
  }

  @Test
  void auditStoreDownMeansTheUpstreamIsNeverCalled() {
    AuditService audit = mock(AuditService.class);
    when(audit.append(any())).thenThrow(new IllegalStateException("database down"));
    when(guard.admit(any(), any(), any())).thenReturn(LookupGuard.Verdict.ALLOW);
    LookupService service = service(audit);

    assertThatThrownBy(() -> service.lookup(caller, true, "001090012345", "TREATMENT"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo("AUDIT_UNAVAILABLE");
              assertThat(e.status().value()).isEqualTo(503);
            });
    assertThat(upstreamCalls).hasValue(0);
  }

  @Test
  void limitsThatCannotBeCheckedMeanTheUpstreamIsNeverCalled() {
    AuditService audit = mock(AuditService.class);
    when(guard.admit(any(), any(), any())).thenThrow(new IllegalStateException("database down"));

    assertThatThrownBy(() -> service(audit).lookup(caller, true, "001090012345", "TREATMENT"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo("LIMITS_UNAVAILABLE");
              assertThat(e.status().value()).isEqualTo(503);
            });
    assertThat(upstreamCalls).hasValue(0);
  }

  @Test
  void aBulkAlertThatCannotBeRecordedStopsTheLookupAndIsNotHeldBack() {
    AuditService audit = mock(AuditService.class);
    when(audit.append(any())).thenThrow(new IllegalStateException("database down"));
    when(guard.admit(any(), any(), any())).thenReturn(LookupGuard.Verdict.ALLOW_BULK);

    assertThatThrownBy(() -> service(audit).lookup(caller, true, "001090012345", "TREATMENT"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo("AUDIT_UNAVAILABLE"));
    assertThat(upstreamCalls).hasValue(0);
    verify(guard, never()).bulkAlertRaised(any(), any());
  }

  @Test
  void anUpstreamFailureIsAuditedAndAnswered502() {
    AuditService audit = mock(AuditService.class);
    List<String> outcomes = new ArrayList<>();
    when(audit.append(any()))
        .thenAnswer(
            call -> {
              AuditEvent event = call.getArgument(0);
              outcomes.add(event.outcome());
              return HashChain.seal(outcomes.size(), HashChain.GENESIS, Instant.now(), event);
            });
    when(guard.admit(any(), any(), any())).thenReturn(LookupGuard.Verdict.ALLOW);
    PopulationConnector down =
        (id, requestId) -> {
          throw new PopulationConnector.UpstreamException("upstream unreachable");
        };
    LookupService service = new LookupService(audit, down, pseudonyms, guard, Clock.systemUTC());

    assertThatThrownBy(() -> service.lookup(caller, true, "001090012345", "TREATMENT"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo("UPSTREAM_UNAVAILABLE");
              assertThat(e.status().value()).isEqualTo(502);
            });
    assertThat(outcomes).containsExactly("REQUESTED", "UPSTREAM_ERROR");
  }
}
