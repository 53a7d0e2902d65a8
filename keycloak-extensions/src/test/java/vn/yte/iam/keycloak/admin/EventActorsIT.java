package vn.yte.iam.keycloak.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;
import vn.yte.iam.testsupport.KeycloakServer;

/**
 * LOG-4: the audit service learns who an event's account id is, also for a server administrator who
 * signs in to {@code master}, and nobody learns more than the realm's own events show. LOG-1: it
 * reads the sign-ins of the server administrators of its realm, and of no one else in master, and
 * the changes made in master to its administration, and to no other account.
 */
class EventActorsIT extends RealKeycloakIT {
  private static final String ACTORS =
      "/realms/" + KeycloakTestSupport.REALM + "/yte-accounts/actors/";
  private static final String SERVER_EVENTS =
      "/realms/" + KeycloakTestSupport.REALM + "/yte-accounts/server-events";
  private static final String SERVER_ADMIN_EVENTS =
      "/realms/" + KeycloakTestSupport.REALM + "/yte-accounts/server-admin-events";
  private static final String MASTER_PASSWORD = "Qtmc-Master-2026!x";
  private static String auditService;

  @BeforeAll
  static void signInAsTheAuditService() {
    // mfa-service's service account holds view-events in the demo realm, and nothing else.
    auditService =
        keycloak
            .clientCredentials(
                KeycloakTestSupport.REALM, "mfa-service", "test-secret-not-for-production")
            .json()
            .get("access_token")
            .asText();
  }

  @Test
  void aServerAdministratorIsNamedWithTheirRealm() {
    String id = keycloak.userId("master", KeycloakServer.ADMIN_USERNAME);
    KeycloakTestSupport.Response r = keycloak.get(ACTORS + id, auditService);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("username").asText()).isEqualTo(KeycloakServer.ADMIN_USERNAME);
    assertThat(r.json().get("realm").asText()).isEqualTo("master");
  }

  @Test
  void anAccountOfTheRealmIsNamed() {
    String id = keycloak.userId(KeycloakTestSupport.CLINICIAN);
    KeycloakTestSupport.Response r = keycloak.get(ACTORS + id, auditService);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("username").asText()).isEqualTo(KeycloakTestSupport.CLINICIAN);
    assertThat(r.json().get("realm").asText()).isEqualTo(KeycloakTestSupport.REALM);
  }

  @Test
  void aMasterAccountThatDoesNotAdministerTheRealmStaysUnknown() {
    KeycloakTestSupport.Response created =
        keycloak.adminPost(
            "/realms/master/users", Map.of("username", "ordinary-master-user", "enabled", true));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = keycloak.userId("master", "ordinary-master-user");
    assertThat(keycloak.get(ACTORS + id, auditService).status()).isEqualTo(404);
    assertThat(keycloak.get(ACTORS + "no-such-account", auditService).status()).isEqualTo(404);
  }

  @Test
  void onlyCallersWhoSeeTheEventsMayAsk() {
    String id = keycloak.userId("master", KeycloakServer.ADMIN_USERNAME);
    assertThat(keycloak.get(ACTORS + id, null).status()).isEqualTo(401);
    assertThat(keycloak.get(SERVER_EVENTS, null).status()).isEqualTo(401);
    String clinician =
        keycloak.demoToken(KeycloakTestSupport.CLINICIAN, KeycloakTestSupport.CLINICIAN_PASSWORD);
    assertThat(keycloak.get(ACTORS + id, clinician).status()).isEqualTo(403);
    assertThat(keycloak.get(SERVER_EVENTS, clinician).status()).isEqualTo(403);
  }

  @Test
  void theSignInsOfTheRealmsServerAdministratorsAndOfNoOtherMasterAccount() {
    String admin = keycloak.masterAccount("qtmc.levanem", MASTER_PASSWORD, true);
    String other = keycloak.masterAccount("qtmc.khac.benhvien", MASTER_PASSWORD, false);
    // Both try a password alone; the shipped master realm refuses both (SEC-3) and keeps that.
    for (String username : List.of("qtmc.levanem", "qtmc.khac.benhvien")) {
      assertThat(keycloak.passwordGrant("master", "admin-cli", username, MASTER_PASSWORD).status())
          .isEqualTo(400);
    }

    KeycloakTestSupport.Response r =
        keycloak.get(SERVER_EVENTS + "?dateFrom=0&max=1000", auditService);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("realm").asText()).isEqualTo("master");
    List<JsonNode> events = new java.util.ArrayList<>();
    r.json().get("events").forEach(events::add);
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.get("userId").asText()).isEqualTo(admin);
              assertThat(e.get("username").asText()).isEqualTo("qtmc.levanem");
              assertThat(e.get("type").asText()).isEqualTo("LOGIN_ERROR");
              assertThat(e.get("error").asText()).isEqualTo("yte_otp_not_enrolled");
              assertThat(e.get("id").asText()).isNotBlank();
            });
    // The bootstrap service account administers every realm: these tests' own sign-ins are there.
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.get("username").asText())
                  .isEqualTo("service-account-" + KeycloakServer.ADMIN_CLIENT_ID);
              assertThat(e.get("type").asText()).isEqualTo("CLIENT_LOGIN");
            });
    assertThat(events).noneMatch(e -> e.get("userId").asText().equals(other));
    assertThat(r.json().get("scanned").asInt()).isGreaterThan(events.size());

    // Paged over all of master's events: a page whose one event is not shown still moves on.
    KeycloakTestSupport.Response one =
        keycloak.get(SERVER_EVENTS + "?dateFrom=0&max=1", auditService);
    assertThat(one.json().get("scanned").asInt()).isEqualTo(1);
    assertThat(one.json().get("newest").asLong()).isPositive();
  }

  @Test
  void theChangesInMasterToTheRealmsAdministrationAndToNoOtherAccount() {
    String demoRights = keycloak.clientUuid("master", KeycloakTestSupport.REALM + "-realm");
    String masterRights = keycloak.clientUuid("master", "master-realm");
    // A new administrator of the demo realm: created, then given the right to manage its users.
    String newcomer = created("qtmc.moi.demo");
    grant(newcomer, demoRights, "manage-users");
    // An administrator of master alone, created, given a right over master, then renamed.
    String bystander = created("qtmc.chi.master");
    grant(bystander, masterRights, "view-users");
    KeycloakTestSupport.Response renamed =
        keycloak.adminPut("/realms/master/users/" + bystander, Map.of("firstName", "Khác"));
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(204);
    // The demo realm's administrator leaves; their deletion is the realm's concern too.
    assertThat(keycloak.adminDelete("/realms/master/users/" + newcomer).status()).isEqualTo(204);

    KeycloakTestSupport.Response r =
        keycloak.get(SERVER_ADMIN_EVENTS + "?dateFrom=0&max=1000", auditService);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("realm").asText()).isEqualTo("master");
    List<JsonNode> events = new java.util.ArrayList<>();
    r.json().get("events").forEach(events::add);
    String actor = keycloak.userId("master", "service-account-" + KeycloakServer.ADMIN_CLIENT_ID);
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.get("operationType").asText()).isEqualTo("CREATE");
              assertThat(e.get("resourceType").asText()).isEqualTo("USER");
              assertThat(e.get("resourcePath").asText()).isEqualTo("users/" + newcomer);
              assertThat(e.get("representation").asText()).contains("qtmc.moi.demo");
              assertThat(e.get("authDetails").get("userId").asText()).isEqualTo(actor);
              assertThat(e.get("id").asText()).isNotBlank();
            })
        .anySatisfy(
            e -> {
              assertThat(e.get("operationType").asText()).isEqualTo("CREATE");
              assertThat(e.get("resourcePath").asText())
                  .isEqualTo("users/" + newcomer + "/role-mappings/clients/" + demoRights);
              assertThat(e.get("representation").asText()).contains("manage-users");
            })
        .anySatisfy(
            e -> {
              assertThat(e.get("operationType").asText()).isEqualTo("DELETE");
              assertThat(e.get("resourcePath").asText()).isEqualTo("users/" + newcomer);
            });
    assertThat(events)
        .noneMatch(e -> e.get("resourcePath").asText().contains(bystander))
        .noneMatch(e -> e.get("resourcePath").asText().contains(masterRights));
    assertThat(r.json().get("scanned").asInt()).isGreaterThan(events.size());

    String clinician =
        keycloak.demoToken(KeycloakTestSupport.CLINICIAN, KeycloakTestSupport.CLINICIAN_PASSWORD);
    assertThat(keycloak.get(SERVER_ADMIN_EVENTS, clinician).status()).isEqualTo(403);
    assertThat(keycloak.get(SERVER_ADMIN_EVENTS, null).status()).isEqualTo(401);
  }

  @Test
  void groupsAndImportsThatGiveRightsOverTheRealmAreItsConcernToo() {
    // A group of master given the right to manage the demo realm's users, and an account that joins
    // it and leaves again: by the time the audit service reads, neither holds any right.
    String group = groupWithRight("Quản trị demo", "manage-users");
    String member = created("qtmc.nhom.demo");
    String membership = "users/" + member + "/groups/" + group;
    assertThat(keycloak.adminPut("/realms/master/" + membership, Map.of()).status()).isEqualTo(204);
    assertThat(keycloak.adminDelete("/realms/master/" + membership).status()).isEqualTo(204);
    assertThat(keycloak.adminDelete("/realms/master/groups/" + group).status()).isEqualTo(204);
    // An administrator of the demo realm and an ordinary account, written by a partial import of
    // master; the administrator is deleted at once.
    importIntoMaster(
        Map.of(
            "users",
            List.of(
                Map.of(
                    "username",
                    "qtmc.nhap.demo",
                    "enabled",
                    true,
                    "clientRoles",
                    Map.of(KeycloakTestSupport.REALM + "-realm", List.of("view-users"))),
                Map.of("username", "nv.nhap.master", "enabled", true))));
    String importedAdmin = keycloak.userId("master", "qtmc.nhap.demo");
    String importedOther = keycloak.userId("master", "nv.nhap.master");
    assertThat(keycloak.adminDelete("/realms/master/users/" + importedAdmin).status())
        .isEqualTo(204);

    assertThat(changesInMaster())
        .contains(
            "CREATE groups/" + group,
            "CREATE " + membership,
            "DELETE " + membership,
            "DELETE groups/" + group,
            "CREATE users/" + importedAdmin,
            "DELETE users/" + importedAdmin,
            // The member held rights while in the group, so their account is a former
            // administrator.
            "CREATE users/" + member)
        .noneMatch(change -> change.contains(importedOther));
  }

  @Test
  void importsThatGiveRightsThroughAGroupOrARoleAreTheRealmsConcern() {
    groupWithRight("Nhóm quản trị demo", "view-users");
    // A partial import puts an account in that group by its path, and writes a role of master
    // holding a right over the demo realm beside one holding none; the account is deleted at once.
    importIntoMaster(
        Map.of(
            "users",
            List.of(
                Map.of(
                    "username",
                    "qtmc.nhom.nhap",
                    "enabled",
                    true,
                    "groups",
                    List.of("/Nhóm quản trị demo"))),
            "roles",
            Map.of(
                "realm",
                List.of(
                    Map.of(
                        "name",
                        "qt-demo-nhap",
                        "composite",
                        true,
                        "composites",
                        Map.of(
                            "client",
                            Map.of(KeycloakTestSupport.REALM + "-realm", List.of("view-events")))),
                    Map.of("name", "vai-tro-khac-nhap")))));
    String member = keycloak.userId("master", "qtmc.nhom.nhap");
    String holding =
        keycloak.adminGet("/realms/master/roles/qt-demo-nhap").json().get("id").asText();
    String other =
        keycloak.adminGet("/realms/master/roles/vai-tro-khac-nhap").json().get("id").asText();
    assertThat(keycloak.adminDelete("/realms/master/users/" + member).status()).isEqualTo(204);

    assertThat(changesInMaster())
        .contains("CREATE users/" + member, "DELETE users/" + member, "CREATE realms/" + holding)
        .noneMatch(change -> change.contains(other));
  }

  @Test
  void aSubgroupOfAdministratorsDeletedWithItsParentIsTheRealmsConcern() {
    String parent = groupWithRight("Quản trị cha", "view-users");
    String child = subgroup(parent, "Ca trực");
    // An account joins the subgroup, which holds the parent's right, and leaves; then the parent
    // is deleted, and the subgroup with it, in one change.
    String member = created("qtmc.ca.truc");
    String membership = "users/" + member + "/groups/" + child;
    assertThat(keycloak.adminPut("/realms/master/" + membership, Map.of()).status()).isEqualTo(204);
    assertThat(keycloak.adminDelete("/realms/master/" + membership).status()).isEqualTo(204);
    assertThat(keycloak.adminDelete("/realms/master/groups/" + parent).status()).isEqualTo(204);

    assertThat(changesInMaster())
        .contains(
            "CREATE groups/" + parent + "/children",
            "CREATE " + membership,
            "DELETE " + membership,
            "DELETE groups/" + parent);
  }

  @Test
  void aRoleThatHeldRightsIsTheRealmsConcernOnceDeleted() {
    // A role of master given a right over the demo realm and given to an account, then deleted
    // before the audit service reads; beside it, a role that never held one.
    String holding = roleWithRight("qt-tam", "view-users");
    String holder = created("qtmc.vai.tro");
    JsonNode role = keycloak.adminGet("/realms/master/roles-by-id/" + holding).json();
    String mapping = "users/" + holder + "/role-mappings/realm";
    assertThat(keycloak.adminPost("/realms/master/" + mapping, List.of(role)).status())
        .isEqualTo(204);
    // The role given to a group too, which an account joins and leaves.
    assertThat(keycloak.adminPost("/realms/master/groups", Map.of("name", "Nhóm vai trò")).status())
        .isEqualTo(201);
    String group = groupId("Nhóm vai trò");
    assertThat(
            keycloak
                .adminPost("/realms/master/groups/" + group + "/role-mappings/realm", List.of(role))
                .status())
        .isEqualTo(204);
    String membership = "users/" + created("qtmc.nhom.vai.tro") + "/groups/" + group;
    assertThat(keycloak.adminPut("/realms/master/" + membership, Map.of()).status()).isEqualTo(204);
    assertThat(keycloak.adminDelete("/realms/master/" + membership).status()).isEqualTo(204);
    // A second role given its right at its name, given to an account (by id, as mappings are
    // stored), and deleted by its name.
    String byName = createdRole("qt-tam-ten");
    assertThat(
            keycloak
                .adminPost(
                    "/realms/master/roles/qt-tam-ten/composites", List.of(demoRight("view-events")))
                .status())
        .isEqualTo(204);
    String byNameHolder = created("qtmc.vai.tro.ten");
    String byNameMapping = "users/" + byNameHolder + "/role-mappings/realm";
    JsonNode byNameRole = keycloak.adminGet("/realms/master/roles-by-id/" + byName).json();
    assertThat(keycloak.adminPost("/realms/master/" + byNameMapping, List.of(byNameRole)).status())
        .isEqualTo(204);
    assertThat(keycloak.adminDelete("/realms/master/roles/qt-tam-ten").status()).isEqualTo(204);
    String other = createdRole("vai-tro-thuong");
    for (String id : List.of(holding, other)) {
      assertThat(keycloak.adminDelete("/realms/master/roles-by-id/" + id).status()).isEqualTo(204);
    }

    assertThat(changesInMaster())
        .contains(
            "CREATE roles-by-id/" + holding + "/composites",
            "CREATE " + mapping,
            "CREATE groups/" + group + "/role-mappings/realm",
            "CREATE " + membership,
            "DELETE " + membership,
            "DELETE roles-by-id/" + holding,
            "CREATE roles/qt-tam-ten/composites",
            "CREATE " + byNameMapping,
            "DELETE roles/qt-tam-ten",
            // The accounts held the right through the roles, so they are former administrators.
            "CREATE users/" + holder,
            "CREATE users/" + byNameHolder)
        .noneMatch(change -> change.contains(other) || change.contains("vai-tro-thuong"));
  }

  @Test
  void anImportNamingAGroupOrARoleOfAdministratorsDeletedSinceIsTheRealmsConcern() {
    // A group of master holding a right over the demo realm, with a subgroup, and a role given one
    // at its id; beside them an ordinary group.
    String group = groupWithRight("Quản trị tạm", "view-users");
    subgroup(group, "Ca đêm");
    String role = roleWithRight("qt-nhap-tam", "view-events");
    // Another renamed by its old name, in a request without its id, as a script may do.
    String renamed = roleWithRight("qt-ten-cu", "view-events");
    assertThat(
            keycloak
                .adminPut("/realms/master/roles/qt-ten-cu", Map.of("name", "qt-ten-moi"))
                .status())
        .isEqualTo(204);
    assertThat(keycloak.adminPost("/realms/master/groups", Map.of("name", "Nhóm thường")).status())
        .isEqualTo(201);
    // A partial import puts one account in the group and one in its subgroup by their paths, gives
    // a third and a fourth the roles by their names, and puts a fifth in the ordinary group.
    importIntoMaster(
        Map.of(
            "users",
            List.of(
                imported("qtmc.tam.nhom", "groups", "/Quản trị tạm"),
                imported("qtmc.tam.ca", "groups", "/Quản trị tạm/Ca đêm"),
                imported("qtmc.tam.vaitro", "realmRoles", "qt-nhap-tam"),
                imported("qtmc.tam.tenmoi", "realmRoles", "qt-ten-moi"),
                imported("nv.tam.thuong", "groups", "/Nhóm thường"))));
    List<String> admins =
        List.of("qtmc.tam.nhom", "qtmc.tam.ca", "qtmc.tam.vaitro", "qtmc.tam.tenmoi").stream()
            .map(name -> keycloak.userId("master", name))
            .toList();
    String ordinary = keycloak.userId("master", "nv.tam.thuong");
    // Then the group (with its subgroup) and the role are deleted before the audit service reads:
    // Keycloak no longer knows whose those names were.
    assertThat(keycloak.adminDelete("/realms/master/groups/" + group).status()).isEqualTo(204);
    for (String id : List.of(role, renamed)) {
      assertThat(keycloak.adminDelete("/realms/master/roles-by-id/" + id).status()).isEqualTo(204);
    }

    assertThat(changesInMaster())
        .contains(admins.stream().map(id -> "CREATE users/" + id).toArray(String[]::new))
        .noneMatch(change -> change.contains(ordinary));
  }

  /** A partial import of {@code resources} into master, refused if any of them exists already. */
  private static void importIntoMaster(Map<String, Object> resources) {
    Map<String, Object> file = new java.util.HashMap<>(resources);
    file.put("ifResourceExists", "FAIL");
    KeycloakTestSupport.Response imported =
        keycloak.adminPost("/realms/master/partialImport", file);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
  }

  /** An account for a partial import, with one group (by path) or one realm role (by name). */
  private static Map<String, Object> imported(String username, String kind, String name) {
    return Map.of("username", username, "enabled", true, kind, List.of(name));
  }

  /** A new realm role of master given one right over the demo realm, at its id; its id. */
  private static String roleWithRight(String name, String right) {
    String role = createdRole(name);
    assertThat(
            keycloak
                .adminPost(
                    "/realms/master/roles-by-id/" + role + "/composites", List.of(demoRight(right)))
                .status())
        .isEqualTo(204);
    return role;
  }

  /** The demo realm's right {@code name}, a role of its management client in master. */
  private static JsonNode demoRight(String name) {
    String demoRights = keycloak.clientUuid("master", KeycloakTestSupport.REALM + "-realm");
    return keycloak.adminGet("/realms/master/clients/" + demoRights + "/roles/" + name).json();
  }

  private static String createdRole(String name) {
    KeycloakTestSupport.Response made =
        keycloak.adminPost("/realms/master/roles", Map.of("name", name));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    return keycloak.adminGet("/realms/master/roles/" + name).json().get("id").asText();
  }

  /** A new master group holding one right over the demo realm; its id. */
  private static String groupWithRight(String name, String right) {
    KeycloakTestSupport.Response made =
        keycloak.adminPost("/realms/master/groups", Map.of("name", name));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String group = groupId(name);
    String demoRights = keycloak.clientUuid("master", KeycloakTestSupport.REALM + "-realm");
    KeycloakTestSupport.Response granted =
        keycloak.adminPost(
            "/realms/master/groups/" + group + "/role-mappings/clients/" + demoRights,
            List.of(demoRight(right)));
    assertThat(granted.status()).as(granted.body()).isEqualTo(204);
    return group;
  }

  /** A new subgroup of master group {@code parent}, its only one; its id. */
  private static String subgroup(String parent, String name) {
    String children = "/realms/master/groups/" + parent + "/children";
    KeycloakTestSupport.Response made = keycloak.adminPost(children, Map.of("name", name));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    return keycloak.adminGet(children).json().get(0).get("id").asText();
  }

  /** Master's changes the audit service is given, each as "OPERATION resource/path". */
  private static List<String> changesInMaster() {
    KeycloakTestSupport.Response r =
        keycloak.get(SERVER_ADMIN_EVENTS + "?dateFrom=0&max=1000", auditService);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> changes = new java.util.ArrayList<>();
    r.json()
        .get("events")
        .forEach(
            e ->
                changes.add(
                    e.get("operationType").asText() + " " + e.get("resourcePath").asText()));
    return changes;
  }

  private static String groupId(String name) {
    String query = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
    JsonNode found = keycloak.adminGet("/realms/master/groups?exact=true&search=" + query).json();
    assertThat(found).as(found.toString()).hasSize(1);
    return found.get(0).get("id").asText();
  }

  private static String created(String username) {
    KeycloakTestSupport.Response created =
        keycloak.adminPost("/realms/master/users", Map.of("username", username, "enabled", true));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return keycloak.userId("master", username);
  }

  private static void grant(String user, String client, String role) {
    JsonNode right =
        keycloak.adminGet("/realms/master/clients/" + client + "/roles/" + role).json();
    KeycloakTestSupport.Response granted =
        keycloak.adminPost(
            "/realms/master/users/" + user + "/role-mappings/clients/" + client, List.of(right));
    assertThat(granted.status()).as(granted.body()).isEqualTo(204);
  }
}
