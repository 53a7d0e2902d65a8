package vn.yte.iam.mfa.ingest;

import java.util.List;

/**
 * One page read from Keycloak.
 *
 * @param events the events to record
 * @param scanned how many events Keycloak read for the page; fewer than asked for: the last page.
 *     More than {@code events} when Keycloak left out events this realm may not see.
 * @param newest epoch milliseconds of the newest event read, shown or not: where the next pull may
 *     start
 */
record EventPage(List<KeycloakEvent> events, int scanned, long newest) {}
