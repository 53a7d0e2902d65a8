package vn.yte.iam.mfa.ingest;

import vn.yte.iam.mfa.audit.AuditEvent;

/**
 * One event from Keycloak's event store, user or admin, with the id Keycloak gave it: the key that
 * makes ingest idempotent.
 *
 * @param kind {@code USER}, {@code ADMIN}, or {@code SERVER} (a server administrator's, from {@code
 *     master})
 * @param time epoch milliseconds, as Keycloak stored it
 */
public record KeycloakEvent(String id, String kind, long time, AuditEvent event) {}
