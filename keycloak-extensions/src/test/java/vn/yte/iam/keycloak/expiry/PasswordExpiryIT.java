package vn.yte.iam.keycloak.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
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
    importUser("bs.expired", 200);
    importUser("bs.warn", 170);
    importUser("bs.warn.en", 176);
    importUser("bs.sso", 100);
    importUser("bs.sso.vanilla", 100);
  }

  /** A user whose password was set {@code daysAgo} days ago, as Keycloak stores it (PBKDF2). */
  private static void importUser(String username, int daysAgo) throws Exception {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    int iterations = 27_500;
    byte[] hash =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, iterations, 512))
            .getEncoded();
    long created = Instant.now().minus(Duration.ofDays(daysAgo)).toEpochMilli();
    Map<String, Object> credential =
        Map.of(
            "type",
            "password",
            "createdDate",
            created,
            "secretData",
            "{\"value\":\""
                + Base64.getEncoder().encodeToString(hash)
                + "\",\"salt\":\""
                + Base64.getEncoder().encodeToString(salt)
                + "\",\"additionalParameters\":{}}",
            "credentialData",
            "{\"hashIterations\":"
                + iterations
                + ",\"algorithm\":\"pbkdf2-sha256\",\"additionalParameters\":{}}");
    Map<String, Object> user =
        Map.of(
            "username",
            username,
            "enabled",
            true,
            "firstName",
            "Test",
            "lastName",
            "Người Dùng",
            "email",
            username + "@benhvien-demo.vn",
            "emailVerified",
            true,
            "credentials",
            List.of(credential));
    KeycloakTestSupport.Response r =
        keycloak.adminPost(
            "/realms/" + REALM + "/partialImport",
            Map.of("ifResourceExists", "OVERWRITE", "users", List.of(user)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  @Test
  void directGrantRefusesAnExpiredPasswordWithAReason() {
    KeycloakTestSupport.Response r = keycloak.passwordGrant("his-demo", "bs.expired", PASSWORD);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error_description").asText()).contains("hết hạn").contains("expired");
    assertThat(keycloak.passwordGrant("his-demo", "bs.warn", PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void browserLoginWithAnExpiredPasswordCanOnlySetANewOne() {
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.browserLoginUrl(null));
      KeycloakTestSupport.submitLogin(browser, "bs.expired", PASSWORD);
      browser.find("#password-new");
      assertThat(browser.url()).doesNotContain("code=");
    }
  }

  @Test
  void warningShownInVietnameseBeforeExpiryAndTheUserMayContinue() {
    try (Browser browser = Browser.start("vi")) {
      browser.open(keycloak.browserLoginUrl(null));
      KeycloakTestSupport.submitLogin(browser, "bs.warn", PASSWORD);
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
      KeycloakTestSupport.submitLogin(browser, "bs.warn.en", PASSWORD);
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
      KeycloakTestSupport.submitLogin(ours, "bs.sso", PASSWORD);
      ours.awaitUrlContaining("code=");

      keycloak.adminPut("/realms/" + REALM, Map.of("browserFlow", "browser"));
      vanilla.open(keycloak.browserLoginUrl(null));
      KeycloakTestSupport.submitLogin(vanilla, "bs.sso.vanilla", PASSWORD);
      vanilla.awaitUrlContaining("code=");

      // Both passwords are 100 days old; with a 90-day maximum they are now expired.
      keycloak.setPasswordPolicy(REALM, shorter);
      vanilla.open(keycloak.browserLoginUrl(null));
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
