package vn.yte.iam.keycloak.account;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import vn.yte.iam.citizen.CitizenIdRules;
import vn.yte.iam.keycloak.admin.AdminAccess;
import vn.yte.iam.keycloak.admin.EventActors;
import vn.yte.iam.keycloak.admin.ServerAdminEvents;
import vn.yte.iam.keycloak.passwordpolicy.personal.PersonalData;
import vn.yte.iam.keycloak.sharing.SharedAccountEvents;
import vn.yte.iam.keycloak.spi.RealmUsers;

/**
 * {@code /realms/{realm}/yte-accounts}: one-account-one-person checks over the stored accounts, and
 * who the accounts named in events are, for administrators and auditors.
 */
public final class AccountsResource {
  private final KeycloakSession session;

  AccountsResource(KeycloakSession session, Void unused) {
    this.session = session;
  }

  /**
   * ACC-1 check over the stored accounts: citizen IDs held by more than one user. The user-profile
   * validators stop duplicates on create and update; realm and partial imports and directory
   * synchronisation bypass the user profile, so this finds what they let in.
   */
  @GET
  @Path("duplicate-citizen-ids")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> duplicateCitizenIds() {
    AdminAccess.require(session).permissions().users().requireView();
    RealmModel realm = session.getContext().getRealm();
    Map<String, List<Map<String, String>>> holders = new TreeMap<>();
    RealmUsers.count(
        session,
        realm,
        (page, user) -> {
          String value = user.getFirstAttribute(PersonalData.CITIZEN_ID);
          if (value != null && !value.isBlank()) {
            holders
                .computeIfAbsent(value.strip(), v -> new ArrayList<>())
                .add(Map.of("id", user.getId(), "username", user.getUsername()));
          }
          return false;
        });
    List<Map<String, Object>> duplicates = new ArrayList<>();
    holders.forEach(
        (value, users) -> {
          if (users.size() > 1) {
            duplicates.add(
                Map.of(
                    "citizenId",
                    value.length() == 12 ? CitizenIdRules.masked(value) : "(invalid)",
                    "users",
                    users));
          }
        });
    return Map.of("realm", realm.getName(), "duplicates", duplicates);
  }

  /** ACC-4 on demand: disables ended accounts now instead of at the next hourly sweep. */
  @POST
  @Path("end-dates")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> disableEndedAccounts() {
    AdminAccess.require(session).permissions().users().requireManage();
    RealmModel realm = session.getContext().getRealm();
    return Map.of("disabled", AccountEndDates.disableEnded(session, realm, Instant.now()));
  }

  /**
   * ACC-3 detections (shared-account signals) since a time, newest first: what administrators and
   * auditors review. Needs Keycloak's view-events permission.
   */
  @GET
  @Path("shared-account-signals")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> sharedAccountSignals(
      @QueryParam("since") Long sinceMillis, @QueryParam("max") Integer max) {
    AdminAccess.require(session).permissions().realm().requireViewEvents();
    RealmModel realm = session.getContext().getRealm();
    long from = sinceMillis == null ? System.currentTimeMillis() - 86_400_000L : sinceMillis;
    int limit = max == null ? 100 : Math.max(1, Math.min(max, 1000));
    return Map.of(
        "realm",
        realm.getName(),
        "signals",
        SharedAccountEvents.since(session, realm, from, limit));
  }

  /**
   * LOG-4: who the account id in a stored event is, for an audit trail searched by username. Needs
   * view-events, the permission that shows these ids in the first place. An unknown id, and a
   * master account that does not administer this realm, get the same 404.
   */
  @GET
  @Path("actors/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public EventActors.Actor actor(@PathParam("id") String id) {
    AdminAccess.require(session).permissions().realm().requireViewEvents();
    return EventActors.find(session, session.getContext().getRealm(), id)
        .orElseThrow(() -> new NotFoundException("No such account"));
  }

  /**
   * LOG-1: the sign-ins of the server's administrators who administer this realm, from master's
   * event store, in the shape of Keycloak's own events plus each account's {@code username}; paged
   * like Keycloak's event list ({@code dateFrom}, {@code first}, {@code max}, oldest first). Needs
   * view-events in this realm, as their admin events here do.
   */
  @GET
  @Path("server-events")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> serverEvents(
      @QueryParam("dateFrom") Long fromMillis,
      @QueryParam("first") Integer first,
      @QueryParam("max") Integer max) {
    AdminAccess.require(session).permissions().realm().requireViewEvents();
    return ServerAdminEvents.page(
        session, session.getContext().getRealm(), fromMillis(fromMillis), first(first), max(max));
  }

  /**
   * LOG-1: the changes made in master to this realm's administration (a server administrator
   * created, given or stripped of rights over the realm, reset, deleted), in the shape of
   * Keycloak's admin events; paged and permitted like {@code server-events}.
   */
  @GET
  @Path("server-admin-events")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> serverAdminEvents(
      @QueryParam("dateFrom") Long fromMillis,
      @QueryParam("first") Integer first,
      @QueryParam("max") Integer max) {
    AdminAccess.require(session).permissions().realm().requireViewEvents();
    return ServerAdminEvents.changes(
        session, session.getContext().getRealm(), fromMillis(fromMillis), first(first), max(max));
  }

  private static long fromMillis(Long fromMillis) {
    return fromMillis == null ? 0 : Math.max(0, fromMillis);
  }

  private static int first(Integer first) {
    return first == null ? 0 : Math.max(0, first);
  }

  private static int max(Integer max) {
    return max == null ? 100 : Math.max(1, Math.min(max, 1000));
  }
}
