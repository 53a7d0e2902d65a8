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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.yte.iam.mfa.audit.AuditService;
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
              "http://upstream", "key", Duration.ofSeconds(1), "k".repeat(32)));
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
}
