package vn.yte.iam.keycloak.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;
import vn.yte.iam.keycloak.support.TestDirectory;
import vn.yte.iam.testsupport.Browser;

/**
 * PW-4 for users federated from LDAP/AD, whose password and its age live in the directory: a real
 * LDAP server (in process), Keycloak's LDAP provider, and a user-attribute mapper from {@code
 * pwdChangedTime} to {@link PasswordChanged#ATTRIBUTE}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LdapPasswordExpiryIT extends RealKeycloakIT {
  private static final String REALM = KeycloakTestSupport.REALM;
  private static final String PASSWORD = "Rung-Tram#Xanh-Mai-4";
  private static final DateTimeFormatter GENERALIZED =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static TestDirectory ldap;
  private static String providerId;

  @BeforeAll
  static void boot() throws Exception {
    // pwdChangedTime belongs to the password-policy schema, which the in-memory default lacks.
    ldap = TestDirectory.create(false);
    addPerson("ldap.expired", 200);
    addPerson("ldap.fresh", 10);
    // Never seen by the shipped flows, so nothing (like a required action) carries over to the
    // stock-flow comparison.
    addPerson("ldap.vanilla", 200);
    ldap.listen();

    String realmId = keycloak.adminGet("/realms/" + REALM).json().get("id").asText();
    KeycloakTestSupport.Response created =
        keycloak.adminPost(
            "/realms/" + REALM + "/components",
            ldap.keycloakComponent(realmId, "benhvien-ldap", "READ_ONLY"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    providerId =
        keycloak
            .adminGet("/realms/" + REALM + "/components?name=benhvien-ldap")
            .json()
            .get(0)
            .get("id")
            .asText();
    KeycloakTestSupport.Response mapper =
        keycloak.adminPost(
            "/realms/" + REALM + "/components",
            Map.of(
                "name", "password-changed",
                "providerId", "user-attribute-ldap-mapper",
                "providerType", "org.keycloak.storage.ldap.mappers.LDAPStorageMapper",
                "parentId", providerId,
                "config",
                    Map.of(
                        "ldap.attribute", List.of("pwdChangedTime"),
                        "user.model.attribute", List.of(PasswordChanged.ATTRIBUTE),
                        "read.only", List.of("true"),
                        "always.read.value.from.ldap", List.of("true"),
                        "is.mandatory.in.ldap", List.of("false"))));
    assertThat(mapper.status()).as(mapper.body()).isEqualTo(201);
    // ACC-1: the directory supplies the citizen ID the realm's user profile requires.
    KeycloakTestSupport.Response citizenId =
        keycloak.adminPost(
            "/realms/" + REALM + "/components",
            Map.of(
                "name", "citizen-id",
                "providerId", "user-attribute-ldap-mapper",
                "providerType", "org.keycloak.storage.ldap.mappers.LDAPStorageMapper",
                "parentId", providerId,
                "config",
                    Map.of(
                        "ldap.attribute", List.of("employeeNumber"),
                        "user.model.attribute", List.of("cccd"),
                        "read.only", List.of("true"),
                        "always.read.value.from.ldap", List.of("true"),
                        "is.mandatory.in.ldap", List.of("false"))));
    assertThat(citizenId.status()).as(citizenId.body()).isEqualTo(201);
  }

  @AfterAll
  static void stopDirectory() {
    if (ldap != null) {
      ldap.close();
    }
  }

  private static void addPerson(String uid, int changedDaysAgo) throws Exception {
    ldap.add(
        "dn: uid=" + uid + "," + TestDirectory.PEOPLE,
        "objectClass: inetOrgPerson",
        "uid: " + uid,
        "cn: " + uid,
        "sn: Người Dùng",
        "givenName: Ldap",
        "mail: " + uid + "@benhvien-demo.vn",
        "employeeNumber: " + PasswordExpiryIT.uniqueCitizenId(),
        "userPassword: " + PASSWORD,
        "pwdChangedTime: "
            + GENERALIZED.format(Instant.now().minus(Duration.ofDays(changedDaysAgo))));
  }

  private static void setEditMode(String editMode) {
    var component =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            keycloak.adminGet("/realms/" + REALM + "/components/" + providerId).json();
    ((com.fasterxml.jackson.databind.node.ObjectNode) component.get("config"))
        .putArray("editMode")
        .add(editMode);
    KeycloakTestSupport.Response r =
        keycloak.adminPut("/realms/" + REALM + "/components/" + providerId, component);
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  @Test
  @Order(1)
  void readOnlyDirectoryPasswordPastItsAgeIsExplainedNotAccepted() {
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.browserLoginUrl(null));
      KeycloakTestSupport.submitLogin(browser, "ldap.expired", PASSWORD);
      assertThat(browser.awaitPageContaining("LDAP/AD")).contains("hết hạn");
      assertThat(browser.url()).doesNotContain("code=");
    }
  }

  @Test
  @Order(2)
  void writableDirectoryPasswordPastItsAgeMustBeChangedAtLogin() {
    setEditMode("WRITABLE");
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.browserLoginUrl(null));
      KeycloakTestSupport.submitLogin(browser, "ldap.expired", PASSWORD);
      // First login: MFA-1 enrolment is due as well; it may come before the password change.
      // Keycloak orders the required actions itself.
      if (browser
          .awaitAny("#kc-totp-settings-form", "#password-new")
          .equals("#kc-totp-settings-form")) {
        keycloak.enrolTotp(browser, "ldap.expired");
      }
      browser.find("#password-new");
      assertThat(browser.url()).doesNotContain("code=");
    } finally {
      setEditMode("READ_ONLY");
    }
  }

  @Test
  @Order(3)
  void directGrantRefusesAnExpiredDirectoryPasswordWhereVanillaKeycloakIssuesAToken() {
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.browserLoginUrl(null));
      KeycloakTestSupport.submitLogin(browser, "ldap.fresh", PASSWORD);
      keycloak.enrolTotp(browser, "ldap.fresh");
      browser.awaitUrlContaining("code=");
    }
    assertThat(keycloak.demoGrant("ldap.fresh", PASSWORD).status()).isEqualTo(200);
    KeycloakTestSupport.Response refused = keycloak.demoGrant("ldap.expired", PASSWORD);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("error_description").asText()).contains("expired");

    keycloak.adminPut("/realms/" + REALM, Map.of("directGrantFlow", "direct grant"));
    try {
      KeycloakTestSupport.Response vanilla =
          keycloak.passwordGrant("his-demo", "ldap.vanilla", PASSWORD);
      assertThat(vanilla.status())
          .as("stock direct grant, LDAP user, password 200 days old: " + vanilla.body())
          .isEqualTo(200);
    } finally {
      keycloak.adminPut("/realms/" + REALM, Map.of("directGrantFlow", "yte-direct-grant"));
    }
  }
}
