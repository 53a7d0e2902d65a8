package vn.yte.iam.keycloak.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenericUsernamesTest {
  private static final GenericUsernames SHIPPED = shipped();

  private static GenericUsernames shipped() {
    try {
      Path list =
          Path.of(System.getProperty("policies.dir", "../policies"), "usernames", "generic.txt");
      return GenericUsernames.of(Files.readAllLines(list)).with(List.of("Khoa Hồi sức tích cực"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "admin",
        "Administrator",
        "letan01",
        "Lễ.Tân-02",
        "bacsi.khoanoi2",
        "khoa.capcuu",
        "test",
        "user1",
        "yta3",
        "a1",
        "12345",
        "quantri.cntt",
        "bv.soyte",
        "ktv_xquang_2",
        "khoahoisuctichcuc"
      })
  void refusesRoleWardAndTestNames(String username) {
    assertThat(SHIPPED.isGeneric(username)).as(username).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bs.nguyenvanan",
        "qt.tranthibinh",
        "kt.lethichi",
        "dd.vuminhkhang",
        "an.nguyen",
        "nhi.tran",
        "hoa.pham90",
        "ldap.fresh"
      })
  void acceptsNamesOfPeople(String username) {
    assertThat(SHIPPED.isGeneric(username)).as(username).isFalse();
  }
}
