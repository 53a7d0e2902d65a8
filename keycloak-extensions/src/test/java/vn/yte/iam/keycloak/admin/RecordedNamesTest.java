package vn.yte.iam.keycloak.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;

/**
 * LOG-1: a group or role of master named by a partial import is tied to its id by master's stored
 * changes, after Keycloak has forgotten the name. Paths and representations are those Keycloak
 * stores.
 */
class RecordedNamesTest {
  private final List<AdminEvent> changes = new ArrayList<>();

  @Test
  void aGroupIsFoundAtEveryPathItHadMadeRenamedOrMoved() {
    change(OperationType.CREATE, "groups/g-top", "{\"id\":\"g-top\",\"name\":\"Quản trị\"}");
    change(OperationType.CREATE, "groups/g-top/children", "{\"id\":\"g-sub\",\"name\":\"Ca đêm\"}");
    change(OperationType.UPDATE, "groups/g-top", "{\"id\":\"g-top\",\"name\":\"Quản trị cũ\"}");
    change(OperationType.CREATE, "groups/g-other", "{\"id\":\"g-other\",\"name\":\"Khoa\"}");
    // A group moved to the top keeps the place it had under its former parent.
    change(OperationType.CREATE, "groups/g-other/children", "{\"id\":\"g-moved\",\"name\":\"Tổ\"}");
    change(OperationType.UPDATE, "groups", "{\"id\":\"g-moved\",\"name\":\"Tổ\"}");
    RecordedNames names = names();

    assertThat(names.groupsAt("/Quản trị")).containsExactly("g-top");
    assertThat(names.groupsAt("/Quản trị cũ")).containsExactly("g-top");
    assertThat(names.groupsAt("/Quản trị/Ca đêm")).containsExactly("g-sub");
    assertThat(names.groupsAt("/Quản trị cũ/Ca đêm")).containsExactly("g-sub");
    assertThat(names.groupsAt("/Khoa/Tổ")).containsExactly("g-moved");
    assertThat(names.groupsAt("/Tổ")).containsExactly("g-moved");
    // A subgroup is not at the top, and a name is not a path.
    assertThat(names.groupsAt("/Ca đêm")).isEmpty();
    assertThat(names.groupsAt("Quản trị")).isEmpty();
    assertThat(names.groupsAt("/Quản trị/Khoa")).isEmpty();
  }

  @Test
  void aGroupWrittenByAnImportIsFoundAtItsPathAndItsSubgroupsAtTheirs() {
    change(
        OperationType.CREATE,
        "groups/g-imp",
        "{\"id\":\"g-imp\",\"name\":\"Nhập\",\"path\":\"/Cha/Nhập\","
            + "\"subGroups\":[{\"id\":\"g-imp-sub\",\"name\":\"Con\",\"path\":\"/Cha/Nhập/Con\"}]}");
    RecordedNames names = names();

    assertThat(names.groupsAt("/Cha/Nhập")).containsExactly("g-imp");
    assertThat(names.groupsAt("/Cha/Nhập/Con")).containsExactly("g-imp-sub");
    // The import's path says where it was; it was not at the top.
    assertThat(names.groupsAt("/Nhập")).isEmpty();
  }

  @Test
  void parentsThatNameEachOtherEndTheSearch() {
    change(OperationType.CREATE, "groups/a/children", "{\"id\":\"b\",\"name\":\"B\"}");
    change(OperationType.CREATE, "groups/b/children", "{\"id\":\"a\",\"name\":\"A\"}");
    assertThat(names().groupsAt("/A/B")).isEmpty();
  }

  @Test
  void aRoleIsFoundByEveryNameItHad() {
    // Made by name (Keycloak adds the id), renamed by id, written by a partial import.
    change(OperationType.CREATE, "roles/qt-tam", "{\"id\":\"r-1\",\"name\":\"qt-tam\"}");
    change(OperationType.UPDATE, "roles-by-id/r-1", "{\"id\":\"r-1\",\"name\":\"qt-tam-2\"}");
    change(OperationType.CREATE, "realms/r-2", "{\"name\":\"qt-nhap\",\"composite\":true}");
    // Renamed by its old name, with no id in the request, and renamed again; read newest first.
    change(OperationType.UPDATE, "roles/qt-nhap-2", "{\"name\":\"qt-nhap-3\"}");
    change(OperationType.UPDATE, "roles/qt-nhap", "{\"name\":\"qt-nhap-2\"}");
    // A rename of a name no event ties to an id ties nothing.
    change(OperationType.UPDATE, "roles/khong-ro", "{\"name\":\"khong-ro-2\"}");
    change(OperationType.CREATE, "roles/qt-tam/composites", "[{\"id\":\"x\",\"name\":\"y\"}]");
    RecordedNames names = names();

    assertThat(names.rolesNamed("qt-tam")).containsExactly("r-1");
    assertThat(names.rolesNamed("qt-tam-2")).containsExactly("r-1");
    assertThat(names.rolesNamed("qt-nhap")).containsExactly("r-2");
    assertThat(names.rolesNamed("qt-nhap-2")).containsExactly("r-2");
    assertThat(names.rolesNamed("qt-nhap-3")).containsExactly("r-2");
    assertThat(names.rolesNamed("khong-ro-2")).isEmpty();
    assertThat(names.rolesNamed("y")).isEmpty();
    assertThat(names.namesOfRole("r-1")).containsExactly("qt-tam", "qt-tam-2");
    assertThat(names.namesOfRole("r-2"))
        .containsExactlyInAnyOrder("qt-nhap", "qt-nhap-2", "qt-nhap-3");
    assertThat(names.namesOfRole("x")).isEmpty();
  }

  @Test
  void changesWithoutAPathOrARepresentationAreSkipped() {
    change(OperationType.DELETE, "groups/g-1", null);
    change(OperationType.CREATE, null, "{\"id\":\"g-2\",\"name\":\"X\"}");
    change(OperationType.CREATE, "groups/g-3", "not json {");
    change(OperationType.CREATE, "users/u-1", "{\"id\":\"u-1\",\"name\":\"X\"}");
    RecordedNames names = names();
    assertThat(names.groupsAt("/X")).isEmpty();
    assertThat(names.rolesNamed("X")).isEmpty();
  }

  private RecordedNames names() {
    return RecordedNames.of(changes, chain -> "/" + String.join("/", chain));
  }

  private void change(OperationType operation, String path, String representation) {
    AdminEvent change = new AdminEvent();
    change.setOperationType(operation);
    change.setResourcePath(path);
    change.setRepresentation(representation);
    changes.add(change);
  }
}
