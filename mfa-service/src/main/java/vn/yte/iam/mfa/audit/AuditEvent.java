package vn.yte.iam.mfa.audit;

import java.util.Arrays;
import java.util.List;

/**
 * What happened, before it is sealed into the chain. Citizen identifiers never appear here in
 * clear: {@code citizenRef} is a keyed pseudonym and {@code citizenMasked} a masked display form
 * (LOG-7).
 *
 * @param type e.g. {@code POPULATION_LOOKUP}, {@code AUDIT_VIEW}
 * @param outcome e.g. {@code FOUND}, {@code DENIED}, {@code UPSTREAM_ERROR}
 * @param actorSubject the account's stable id ({@code sub})
 * @param actorUsername the account's username at the time
 * @param sessionId the SSO session ({@code sid}) that performed the action (LOG-3)
 * @param clientId the SSO client (system) that obtained the token ({@code azp})
 * @param sourceIp the caller's network address
 * @param workstation the workstation id the calling system reported, if any
 * @param citizenRef keyed pseudonym of the citizen looked up, if any
 * @param citizenMasked masked citizen id for display, if any
 * @param purpose declared purpose of use, if any
 * @param detail short free text (authentication context, upstream status), never personal data
 */
public record AuditEvent(
    String type,
    String outcome,
    String actorSubject,
    String actorUsername,
    String sessionId,
    String clientId,
    String sourceIp,
    String workstation,
    String citizenRef,
    String citizenMasked,
    String purpose,
    String detail) {

  /** The same event, with the account's username filled in. */
  public AuditEvent withActorUsername(String username) {
    return new AuditEvent(
        type,
        outcome,
        actorSubject,
        username,
        sessionId,
        clientId,
        sourceIp,
        workstation,
        citizenRef,
        citizenMasked,
        purpose,
        detail);
  }

  /**
   * The fields in their canonical order: the order {@link HashChain} hashes them in (part of format
   * version 1) and the order of the matching columns in {@code audit_record}.
   */
  public List<String> values() {
    return Arrays.asList(
        type,
        outcome,
        actorSubject,
        actorUsername,
        sessionId,
        clientId,
        sourceIp,
        workstation,
        citizenRef,
        citizenMasked,
        purpose,
        detail);
  }
}
