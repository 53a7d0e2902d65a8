package vn.yte.iam.keycloak.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;
import vn.yte.iam.testsupport.Browser;
import vn.yte.iam.testsupport.SmtpSink;

/**
 * PW-4 against the real server and in real Chromium. Password ages are set by importing users whose
 * password credential has an old creation date (the same field Keycloak's own expiry reads), so no
 * clock needs to move.
 */
class PasswordExpiryIT extends RealKeycloakIT {
  private static final String REALM = KeycloakTestSupport.REALM;
  private static final String PASSWORD = "Song-Da#Chay-Qua-7";

  @BeforeAll
  static void boot() throws Exception {
    keycloak.importUser(REALM, "bs.expired", PASSWORD, 200, Map.of());
    keycloak.importUser(REALM, "bs.warn", PASSWORD, 170, Map.of());
    keycloak.importUser(REALM, "bs.warn.en", PASSWORD, 176, Map.of());
    keycloak.importUser(REALM, "bs.sso", PASSWORD, 100, Map.of());
    keycloak.importUser(REALM, "bs.sso.vanilla", PASSWORD, 100, Map.of());
    // MFA-1 for existing users: each enrols an authenticator at their next login.
    for (String user : List.of("bs.expired", "bs.warn", "bs.warn.en", "bs.sso", "bs.sso.vanilla")) {
      enrolAtFirstLogin(user);
    }
  }

  /** First login of a user without an authenticator: any notice, then Keycloak's enrolment page. */
  private static void enrolAtFirstLogin(String username) {
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.browserLoginUrl(null));
      KeycloakTestSupport.submitLogin(browser, username, PASSWORD);
      // Users near expiry see the warning first; "later" leads on to the enrolment.
      if (browser.awaitAny("#kc-totp-settings-form", "#yte-later").equals("#yte-later")) {
        browser.click("#yte-later");
      }
      browser.find("#kc-totp-settings-form");
      keycloak.enrolTotp(browser, username);
    }
    // The enrolment login counts as one: the tests' own logins start from a clean slate.
    String id = keycloak.userId(username);
    keycloak.adminPost("/realms/" + REALM + "/users/" + id + "/logout", Map.of());
  }

  private static int citizens;

  /** ACC-1 makes the citizen ID required and unique: one valid, distinct number per test user. */
  static String uniqueCitizenId() {
    return String.format(java.util.Locale.ROOT, "001090%06d", 700_000 + citizens++);
  }

  /** Password, then the TOTP code the shipped browser flow asks for (MFA-1). */
  private static void login(Browser browser, String username) {
    KeycloakTestSupport.submitLogin(browser, username, PASSWORD);
    browser.type("#otp", keycloak.device(username).nextCode());
    browser.click("#kc-login");
  }

  @Test
  void directGrantRefusesAnExpiredPasswordWithAReason() {
    KeycloakTestSupport.Response r = keycloak.demoGrant("bs.expired", PASSWORD);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error_description").asText()).contains("hết hạn").contains("expired");
    assertThat(keycloak.demoGrant("bs.warn", PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void browserLoginWithAnExpiredPasswordCanOnlySetANewOne() {
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.browserLoginUrl(null));
      login(browser, "bs.expired");
      browser.find("#password-new");
      assertThat(browser.url()).doesNotContain("code=");
    }
  }

  @Test
  void warningShownInVietnameseBeforeExpiryAndTheUserMayContinue() {
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.browserLoginUrl(null));
      login(browser, "bs.warn");
      String warning = browser.text("#yte-expiry-warning");
      assertThat(warning).contains("Mật khẩu của bạn sẽ hết hạn sau 10 ngày");
      browser.click("#yte-later");
      assertThat(browser.awaitUrlContaining("code="))
          .startsWith(KeycloakTestSupport.BROWSER_REDIRECT);
    }
  }

  @Test
  void warningInEnglishOffersAChangeNow() {
    try (Browser browser = Browser.start("en")) {
      browser.open(keycloak.browserLoginUrl("en"));
      login(browser, "bs.warn.en");
      assertThat(browser.text("#yte-expiry-warning")).contains("Your password expires in 4 days");
      browser.click("#yte-change-now");
      browser.find("#password-new");
    }
  }

  /**
   * Keycloak's own expiry is skipped when the SSO cookie identifies the user. Measured here on the
   * stock browser flow, then the same situation on the shipped flow.
   */
  @Test
  void expiryIsEnforcedOnSsoCookieLoginsWhereVanillaKeycloakLetsThemThrough() {
    String policy = keycloak.adminGet("/realms/" + REALM).json().get("passwordPolicy").asText();
    String shorter =
        policy.replace("forceExpiredPasswordChange(180)", "forceExpiredPasswordChange(90)");
    try (Browser ours = Browser.start("vi");
        Browser vanilla = Browser.start("vi")) {
      ours.open(keycloak.browserLoginUrl(null));
      login(ours, "bs.sso");
      ours.awaitUrlContaining("code=");

      keycloak.adminPut("/realms/" + REALM, Map.of("browserFlow", "browser"));
      vanilla.open(keycloak.authUrl("intranet-demo", null));
      login(vanilla, "bs.sso.vanilla");
      vanilla.awaitUrlContaining("code=");

      // Both passwords are 100 days old; with a 90-day maximum they are now expired.
      keycloak.setPasswordPolicy(REALM, shorter);
      vanilla.open(keycloak.authUrl("intranet-demo", null));
      String vanillaResult = vanilla.awaitUrlContaining("code=");
      assertThat(vanillaResult)
          .as("stock flow, SSO cookie, expired password")
          .startsWith(KeycloakTestSupport.BROWSER_REDIRECT);

      keycloak.adminPut("/realms/" + REALM, Map.of("browserFlow", "yte-browser"));
      ours.open(keycloak.browserLoginUrl(null));
      ours.find("#password-new");
      assertThat(ours.url()).doesNotContain("code=");
    } finally {
      keycloak.setPasswordPolicy(REALM, policy);
      keycloak.adminPut("/realms/" + REALM, Map.of("browserFlow", "yte-browser"));
    }
  }

  @Test
  void expiryEmailsGoOutOncePerThreshold() {
    try (SmtpSink smtp = SmtpSink.start()) {
      keycloak.adminPut(
          "/realms/" + REALM,
          Map.of(
              "smtpServer",
              Map.of(
                  "host",
                  "127.0.0.1",
                  "port",
                  String.valueOf(smtp.port()),
                  "from",
                  "iam@benhvien-demo.vn")));
      String path = "/realms/" + REALM + "/yte-policy/expiry-notices";
      KeycloakTestSupport.Response first = keycloak.postJson(path, Map.of(), keycloak.adminToken());
      assertThat(first.status()).as(first.body()).isEqualTo(200);
      assertThat(first.json().get("sent").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(
              keycloak.postJson(path, Map.of(), keycloak.adminToken()).json().get("sent").asInt())
          .isZero();

      SmtpSink.Message mail =
          smtp.messages().stream()
              .filter(m -> m.recipients().contains("bs.warn@benhvien-demo.vn"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no mail to bs.warn: " + smtp.messages()));
      assertThat(decodedSubject(mail.raw())).isEqualTo("Mật khẩu của bạn sẽ hết hạn sau 10 ngày");
      assertThat(smtp.messages())
          .noneMatch(m -> m.recipients().contains("bs.expired@benhvien-demo.vn"));
      JsonNode user =
          keycloak.adminGet("/realms/" + REALM + "/users/" + keycloak.userId("bs.warn")).json();
      assertThat(user.toString()).contains("yte.expiryNoticeSent");
    } finally {
      keycloak.adminPut("/realms/" + REALM, Map.of("smtpServer", Map.of()));
    }
  }

  /** The Subject header, with RFC 2047 encoded words (B or Q, UTF-8) decoded. */
  private static String decodedSubject(String raw) {
    Matcher header = Pattern.compile("(?m)^Subject: (.*(?:\\n[ \\t].*)*)").matcher(raw);
    assertThat(header.find()).as(raw).isTrue();
    String value = header.group(1).replaceAll("\\?=\\s+=\\?", "?==?").replaceAll("\\n[ \\t]", " ");
    Matcher word =
        Pattern.compile("=\\?UTF-8\\?([BQ])\\?([^?]*)\\?=", Pattern.CASE_INSENSITIVE)
            .matcher(value);
    StringBuilder out = new StringBuilder();
    while (word.find()) {
      String text = word.group(2);
      byte[] bytes =
          word.group(1).equalsIgnoreCase("B")
              ? Base64.getDecoder().decode(text)
              : quotedPrintable(text.replace('_', ' '));
      word.appendReplacement(
          out, Matcher.quoteReplacement(new String(bytes, StandardCharsets.UTF_8)));
    }
    word.appendTail(out);
    return out.toString().strip();
  }

  private static byte[] quotedPrintable(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '=' && i + 2 < s.length()) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }
}
