package vn.yte.iam.keycloak.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.events.admin.AdminEvent;

/** LOG-1: master's group and role changes, read once, found by the resource they changed. */
class GroupAndRoleChangesTest {
  @Test
  void aResourceHasItsOwnChangesAndThoseUnderItAndNoOtherNamesChanges() {
    GroupAndRoleChanges changes =
        new GroupAndRoleChanges(
            List.of(
                at("roles/qt"),
                at("roles/qt/composites"),
                at("roles/qt-2"),
                at("roles-by-id/r-1"),
                at("groups/g-1/children"),
                at("groups/g-1/role-mappings/realm"),
                at("groups/g-2"),
                at("groups"),
                at(null)));

    assertThat(changes.to("roles/qt").map(AdminEvent::getResourcePath))
        .containsExactly("roles/qt", "roles/qt/composites");
    assertThat(changes.to("groups/g-1").map(AdminEvent::getResourcePath))
        .containsExactly("groups/g-1/children", "groups/g-1/role-mappings/realm");
    assertThat(changes.to("roles-by-id/r-2")).isEmpty();
    assertThat(changes.children().map(AdminEvent::getResourcePath))
        .containsExactly("groups/g-1/children");
    assertThat(changes.all()).hasSize(9);
  }

  private static AdminEvent at(String path) {
    AdminEvent change = new AdminEvent();
    change.setResourcePath(path);
    return change;
  }
}
