package vn.yte.iam.keycloak.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * LOG-1: which changes made in master concern a realm's administration, judged by their target.
 * Paths and representations are those Keycloak stores in master's admin events.
 */
class RealmAdministrationTest {
  static final String CLIENT = "5b0e6c7a-1f0d-4c55-9a0e-yte-demo-realm";
  static final String ADMIN_ROLE = "0d3f4e1c-7a9b-4b2e-8f6a-master-admin";
  static final String OTHER_ROLE = "9a8b7c6d-5e4f-4a3b-8c2d-create-realm";
  static final String ADMINISTRATOR = "11111111-2222-4333-8444-administrator";
  static final String STRANGER = "99999999-8888-4777-8666-other-hospital";
  static final String ADMINS = "77777777-6666-4555-8444-admins-group";
  static final String NURSES = "33333333-4444-4555-8666-nurses-group";
  static final String FORMER_ROLE = "55555555-6666-4777-8888-deleted-role";

  final RealmAdministration demo =
      new RealmAdministration(
          CLIENT, "yte-demo-realm", Set.of(ADMIN_ROLE), Set.of("admin"), Set.of("/Quản trị demo"));
  final RealmAdministration.Holders administrator =
      new RealmAdministration.Holders(
          ADMINISTRATOR::equals, ADMINS::equals, FORMER_ROLE::equals, "qt-tam"::equals);
  final RealmAdministration.Holders nobody =
      new RealmAdministration.Holders(s -> false, s -> false, s -> false, s -> false);

  @Test
  void rightsOverTheRealmGrantedOrTakenAreItsConcernWhoeverTheAccount() {
    String grant = "users/" + STRANGER + "/role-mappings/clients/" + CLIENT;
    assertThat(demo.concerns(grant, "[{\"name\":\"manage-users\"}]", administrator)).isTrue();
    assertThat(demo.concerns("groups/g-1/role-mappings/clients/" + CLIENT, null, administrator))
        .isTrue();
    assertThat(demo.concerns("clients/" + CLIENT + "/roles/view-users", null, administrator))
        .isTrue();
  }

  @Test
  void aRoleOfMasterThatHoldsThoseRightsCountsByItsId() {
    String path = "users/" + STRANGER + "/role-mappings/realm";
    assertThat(demo.concerns(path, "[{\"id\":\"" + ADMIN_ROLE + "\",\"name\":\"admin\"}]", nobody))
        .isTrue();
    assertThat(demo.concerns(path, "[{\"id\":\"" + OTHER_ROLE + "\"}]", nobody)).isFalse();
    assertThat(demo.concerns(path, null, nobody)).isFalse();
    // The role itself redefined, by name or by id.
    assertThat(demo.concerns("roles/admin/composites", null, nobody)).isTrue();
    assertThat(demo.concerns("roles-by-id/" + ADMIN_ROLE + "/composites", null, nobody)).isTrue();
    assertThat(demo.concerns("roles/create-realm", null, nobody)).isFalse();
  }

  @Test
  void anyChangeToAnAdministratorCountsAndToNoOtherAccount() {
    assertThat(demo.concerns("users/" + ADMINISTRATOR, null, administrator)).isTrue();
    assertThat(demo.concerns("users/" + ADMINISTRATOR + "/reset-password", null, administrator))
        .isTrue();
    assertThat(demo.concerns("users/" + STRANGER, null, administrator)).isFalse();
    assertThat(demo.concerns("users/" + STRANGER + "/reset-password", null, administrator))
        .isFalse();
    // Another hospital's rights, granted to a stranger: not this realm's business.
    assertThat(
            demo.concerns(
                "users/" + STRANGER + "/role-mappings/clients/other-hospital-realm",
                null,
                administrator))
        .isFalse();
    assertThat(demo.concerns("clients/other-hospital-realm", null, administrator)).isFalse();
    assertThat(demo.concerns(null, null, administrator)).isFalse();
  }

  @Test
  void aGroupHoldingThoseRightsIsTheRealmsConcernAsAWholeAndInItsMembers() {
    // The whole group deleted, renamed or given a subgroup, which inherits its rights.
    assertThat(demo.concerns("groups/" + ADMINS, null, administrator)).isTrue();
    assertThat(demo.concerns("groups/" + ADMINS + "/children", null, administrator)).isTrue();
    // Anyone joining or leaving it gains or loses rights over the realm.
    assertThat(demo.concerns("users/" + STRANGER + "/groups/" + ADMINS, null, administrator))
        .isTrue();
    // Another group, and its members, are not the realm's business.
    assertThat(demo.concerns("groups/" + NURSES, null, administrator)).isFalse();
    assertThat(demo.concerns("users/" + STRANGER + "/groups/" + NURSES, null, administrator))
        .isFalse();
    assertThat(demo.concerns("users/" + STRANGER + "/groups", null, administrator)).isFalse();
  }

  @Test
  void anAccountOrGroupImportedWithThoseRightsNamedIsTheRealmsConcern() {
    // A partial import records each account and group it writes, whole, under its own path.
    String importedAdmin =
        "{\"username\":\"qtmc.nhap\",\"clientRoles\":{\"yte-demo-realm\":[\"view-users\"]}}";
    assertThat(demo.grantsRights("users/" + STRANGER, importedAdmin, nobody)).isTrue();
    assertThat(demo.concerns("users/" + STRANGER, importedAdmin, nobody)).isTrue();
    assertThat(demo.grantsRights("users/" + STRANGER, "{\"realmRoles\":[\"admin\"]}", nobody))
        .isTrue();
    assertThat(
            demo.grantsRights(
                "groups/" + NURSES,
                "{\"clientRoles\":{\"yte-demo-realm\":[\"manage-users\"]}}",
                nobody))
        .isTrue();
    // Accounts and groups imported with other rights, or none, are not.
    assertThat(
            demo.grantsRights(
                "users/" + STRANGER,
                "{\"realmRoles\":[\"create-realm\"],"
                    + "\"clientRoles\":{\"other-hospital-realm\":[\"view-users\"],"
                    + "\"yte-demo-realm\":[]}}",
                nobody))
        .isFalse();
    assertThat(demo.grantsRights("users/" + STRANGER, "{\"username\":\"nv.khac\"}", nobody))
        .isFalse();
    // The rights named anywhere else than on the account or group itself, or unreadable, are not
    // read as a grant by name.
    assertThat(demo.grantsRights("users/" + STRANGER + "/reset-password", importedAdmin, nobody))
        .isFalse();
    assertThat(demo.grantsRights("users/" + STRANGER, "not json {", nobody)).isFalse();
    assertThat(demo.grantsRights("users/" + STRANGER, "[\"admin\"]", nobody)).isFalse();
  }

  @Test
  void anAccountImportedIntoAGroupHoldingThoseRightsIsTheRealmsConcern() {
    assertThat(demo.grantsRights("users/" + STRANGER, "{\"groups\":[\"/Quản trị demo\"]}", nobody))
        .isTrue();
    assertThat(demo.grantsRights("users/" + STRANGER, "{\"groups\":[\"/Điều dưỡng\"]}", nobody))
        .isFalse();
    // A group is not put in a group by an import; only accounts are.
    assertThat(demo.grantsRights("groups/" + NURSES, "{\"groups\":[\"/Quản trị demo\"]}", nobody))
        .isFalse();
  }

  @Test
  void anImportNamingAGroupOrARoleThatOnceHeldThoseRightsIsTheRealmsConcern() {
    // Deleted since: only master's stored events tell that "/Quản trị tạm" and "qt-tam" held them.
    RealmAdministration.Holders once =
        new RealmAdministration.Holders(
            s -> false, "/Quản trị tạm"::equals, FORMER_ROLE::equals, "qt-tam"::equals);
    String user = "users/" + STRANGER;
    assertThat(demo.grantsRights(user, "{\"groups\":[\"/Quản trị tạm\"]}", once)).isTrue();
    // Keycloak reads a path without its leading slash, or with a trailing one, as the same path.
    assertThat(demo.grantsRights(user, "{\"groups\":[\"Quản trị tạm/\"]}", once)).isTrue();
    assertThat(demo.grantsRights(user, "{\"realmRoles\":[\"qt-tam\"]}", once)).isTrue();
    assertThat(demo.grantsRights("groups/" + NURSES, "{\"realmRoles\":[\"qt-tam\"]}", once))
        .isTrue();
    // A role given a former holder among its composites, by name or by id.
    assertThat(demo.composesRights("realms/r-3", "{\"composites\":{\"realm\":[\"qt-tam\"]}}", once))
        .isTrue();
    assertThat(
            demo.composesRights(
                "roles/qt-moi/composites", "[{\"id\":\"" + FORMER_ROLE + "\"}]", once))
        .isTrue();
    // Without that history the same names are nobody's rights.
    assertThat(demo.grantsRights(user, "{\"groups\":[\"/Quản trị tạm\"]}", nobody)).isFalse();
    assertThat(demo.grantsRights(user, "{\"realmRoles\":[\"qt-tam\"]}", nobody)).isFalse();
    assertThat(
            demo.composesRights(
                "roles/qt-moi/composites", "[{\"id\":\"" + FORMER_ROLE + "\"}]", nobody))
        .isFalse();
    // Other names, and names that are not text, are not.
    assertThat(demo.grantsRights(user, "{\"groups\":[\"/Điều dưỡng\",7]}", once)).isFalse();
    assertThat(demo.grantsRights(user, "{\"realmRoles\":[\"offline_access\"]}", once)).isFalse();
  }

  @Test
  void aRoleImportedHoldingThoseRightsIsTheRealmsConcern() {
    // A partial import records each realm role it writes under realms/<role id>.
    String role = "realms/44444444-5555-4666-8777-imported-role";
    assertThat(
            demo.grantsRights(
                role,
                "{\"name\":\"qt-demo\",\"composites\":{\"client\":{\"yte-demo-realm\":[\"view-users\"]}}}",
                nobody))
        .isTrue();
    assertThat(demo.grantsRights(role, "{\"composites\":{\"realm\":[\"admin\"]}}", nobody))
        .isTrue();
    assertThat(
            demo.grantsRights(
                role,
                "{\"composites\":{\"realm\":[\"offline_access\"],\"client\":{\"account\":[\"x\"]}}}",
                nobody))
        .isFalse();
    // A role that already holds them, written again.
    assertThat(demo.concerns("realms/" + ADMIN_ROLE, null, nobody)).isTrue();
    assertThat(demo.concerns(role, null, nobody)).isFalse();
  }

  @Test
  void aRoleThatHeldThoseRightsStaysTheRealmsConcernOnceDeleted() {
    // Its deletion, by id or by name, and its mapping to an account or a group.
    assertThat(demo.concerns("roles-by-id/" + FORMER_ROLE, null, administrator)).isTrue();
    assertThat(demo.concerns("roles/qt-tam", null, administrator)).isTrue();
    assertThat(demo.concerns("roles/qt-khac", null, administrator)).isFalse();
    assertThat(demo.concerns("roles/qt-tam", null, nobody)).isFalse();
    String mapping = "[{\"id\":\"" + FORMER_ROLE + "\",\"name\":\"qt-tam\"}]";
    assertThat(demo.concerns("users/" + STRANGER + "/role-mappings/realm", mapping, administrator))
        .isTrue();
    assertThat(demo.concerns("groups/" + NURSES + "/role-mappings/realm", mapping, administrator))
        .isTrue();
    assertThat(demo.concerns("users/" + STRANGER + "/role-mappings/realm", mapping, nobody))
        .isFalse();
    // So a group given it held rights through it, as its mappings tell.
    assertThat(
            demo.grantsRights("groups/" + NURSES + "/role-mappings/realm", mapping, administrator))
        .isTrue();
    assertThat(demo.grantsRights("groups/" + NURSES + "/role-mappings/realm", mapping, nobody))
        .isFalse();
    assertThat(
            demo.concerns(
                "users/" + STRANGER + "/role-mappings/realm",
                "[{\"id\":\"" + OTHER_ROLE + "\"}]",
                administrator))
        .isFalse();
  }

  @Test
  void aRoleIsGivenThoseRightsByItsComposites() {
    String demoRight =
        "[{\"id\":\"r-1\",\"name\":\"view-users\",\"clientRole\":true,\"containerId\":\""
            + CLIENT
            + "\"}]";
    assertThat(demo.composesRights("roles-by-id/" + FORMER_ROLE + "/composites", demoRight, nobody))
        .isTrue();
    assertThat(demo.composesRights("roles/qt-tam/composites", demoRight, nobody)).isTrue();
    assertThat(
            demo.composesRights(
                "roles/qt-tam/composites",
                "[{\"id\":\"" + ADMIN_ROLE + "\",\"name\":\"admin\"}]",
                nobody))
        .isTrue();
    assertThat(
            demo.composesRights(
                "roles/qt-tam/composites",
                "[{\"id\":\"r-2\",\"clientRole\":true,\"containerId\":\"other-hospital-realm\"}]",
                nobody))
        .isFalse();
    // Written whole, by a partial import or by name, with the right among its composites.
    String whole = "{\"name\":\"qt-tam\",\"composites\":{\"realm\":[\"admin\"]}}";
    assertThat(demo.composesRights("realms/" + FORMER_ROLE, whole, nobody)).isTrue();
    assertThat(demo.composesRights("roles/qt-tam", whole, nobody)).isTrue();
    assertThat(demo.composesRights("roles/qt-tam", "{\"name\":\"qt-tam\"}", nobody)).isFalse();
    assertThat(demo.composesRights("roles/qt-tam/composites", null, nobody)).isFalse();
  }
}
