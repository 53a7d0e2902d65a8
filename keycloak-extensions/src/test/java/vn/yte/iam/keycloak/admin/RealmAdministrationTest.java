package vn.yte.iam.keycloak.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Predicate;
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

  final RealmAdministration demo =
      new RealmAdministration(CLIENT, Set.of(ADMIN_ROLE), Set.of("admin"));
  final Predicate<String> administrator = ADMINISTRATOR::equals;

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
    assertThat(
            demo.concerns(path, "[{\"id\":\"" + ADMIN_ROLE + "\",\"name\":\"admin\"}]", s -> false))
        .isTrue();
    assertThat(demo.concerns(path, "[{\"id\":\"" + OTHER_ROLE + "\"}]", s -> false)).isFalse();
    assertThat(demo.concerns(path, null, s -> false)).isFalse();
    // The role itself redefined, by name or by id.
    assertThat(demo.concerns("roles/admin/composites", null, s -> false)).isTrue();
    assertThat(demo.concerns("roles-by-id/" + ADMIN_ROLE + "/composites", null, s -> false))
        .isTrue();
    assertThat(demo.concerns("roles/create-realm", null, s -> false)).isFalse();
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
}
