package vn.yte.iam.keycloak.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;

/**
 * PW-1, PW-2 and PW-4 history against the real server: every row of {@code password-table.csv} is
 * set through the admin API, in order, and must be accepted or refused with its message key.
 */
class PasswordTableIT extends RealKeycloakIT {
  private static final String USER = "bs.phamthihoa";

  record Row(String password, String expected, String why) {}

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = PasswordTableIT.class.getResourceAsStream("/password-table.csv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\\|", 3);
        rows.add(new Row(cells[0], cells[1], cells[2]));
      }
    }
    return rows;
  }

  @Test
  void everyRowIsAcceptedOrRefusedForItsReason() throws IOException {
    List<Row> rows = rows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(60);
    assertThat(rows.stream().filter(r -> r.expected().equals("OK"))).hasSizeGreaterThan(15);
    SoftAssertions soft = new SoftAssertions();
    for (Row row : rows) {
      KeycloakTestSupport.Response r =
          keycloak.resetPassword(KeycloakTestSupport.PW_REALM, USER, row.password());
      if (row.expected().equals("OK")) {
        soft.assertThat(r.status())
            .as(row.password() + " (" + row.why() + "): " + r.body())
            .isEqualTo(204);
      } else {
        soft.assertThat(r.status()).as(row.password() + " (" + row.why() + ")").isEqualTo(400);
        soft.assertThat(r.body())
            .as(row.password() + " (" + row.why() + ")")
            .contains(row.expected());
      }
    }
    soft.assertAll();
  }

  @Test
  void aRealmExtendsTheListWithoutARebuild() throws IOException {
    String user = "dd.vuminhkhang";
    Path dir = keycloak.server().home().resolve("conf/yte-password-lists");
    Files.createDirectories(dir);
    Path list = dir.resolve("benhvien-hoangmai.txt");
    Files.writeString(list, "# local unit names\nhoangmai\nbvhoangmai\n");
    String before =
        keycloak
            .adminGet("/realms/" + KeycloakTestSupport.PW_REALM)
            .json()
            .get("passwordPolicy")
            .asText();
    try {
      assertThat(
              keycloak.resetPassword(KeycloakTestSupport.PW_REALM, user, "Hoangmai@2026").status())
          .isEqualTo(204);
      keycloak.setPasswordPolicy(
          KeycloakTestSupport.PW_REALM,
          before.replace(
              "yte-password-blocklist(default)",
              "yte-password-blocklist(default,benhvien-hoangmai)"));
      KeycloakTestSupport.Response refused =
          keycloak.resetPassword(KeycloakTestSupport.PW_REALM, user, "Bvhoangmai#2027");
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("yteInvalidPasswordBlocked");

      // An edited list is re-read on the next check, no restart.
      Files.writeString(list, "hoangmai\nbvhoangmai\nthanhtri\n");
      Files.setLastModifiedTime(
          list, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
      assertThat(keycloak.resetPassword(KeycloakTestSupport.PW_REALM, user, "Thanhtri@2027").body())
          .contains("yteInvalidPasswordBlocked");
    } finally {
      keycloak.setPasswordPolicy(KeycloakTestSupport.PW_REALM, before);
      Files.deleteIfExists(list);
    }
  }

  @Test
  void anUnknownListNameIsRefusedWhenTheAdminSavesThePolicy() {
    String before =
        keycloak
            .adminGet("/realms/" + KeycloakTestSupport.PW_REALM)
            .json()
            .get("passwordPolicy")
            .asText();
    KeycloakTestSupport.Response r =
        keycloak.adminPut(
            "/realms/" + KeycloakTestSupport.PW_REALM,
            java.util.Map.of(
                "passwordPolicy",
                before.replace(
                    "yte-password-blocklist(default)", "yte-password-blocklist(no-such-list)")));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("no-such-list");
    assertThat(
            keycloak
                .adminGet("/realms/" + KeycloakTestSupport.PW_REALM)
                .json()
                .get("passwordPolicy")
                .asText())
        .isEqualTo(before);
  }

  @Test
  void nearDuplicateHistorySurvivesAnAdminEditOfTheUser() {
    String user = "dd.vuminhkhang";
    assertThat(
            keycloak
                .resetPassword(KeycloakTestSupport.PW_REALM, user, "Doi-Che#Thai-Nguyen-1")
                .status())
        .isEqualTo(204);
    String id = keycloak.userId(KeycloakTestSupport.PW_REALM, user);
    var rep = keycloak.adminGet("/realms/" + KeycloakTestSupport.PW_REALM + "/users/" + id).json();
    ((com.fasterxml.jackson.databind.node.ObjectNode) rep).put("lastName", "Vũ Minh");
    assertThat(
            keycloak
                .adminPut("/realms/" + KeycloakTestSupport.PW_REALM + "/users/" + id, rep)
                .status())
        .isEqualTo(204);
    KeycloakTestSupport.Response again =
        keycloak.resetPassword(KeycloakTestSupport.PW_REALM, user, "Doi-Che#Thai-Nguyen-2");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("yteInvalidPasswordSimilarToRecent");
  }
}
