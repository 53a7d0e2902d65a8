package vn.yte.iam.keycloak.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.support.KeycloakTestSupport;
import vn.yte.iam.keycloak.support.RealKeycloakIT;
import vn.yte.iam.testsupport.Totp;

/**
 * MFA-3 on real Keycloak: a replayed or stale code does not lock the owner out (stock Keycloak
 * does, measured here), guesses still do, and an administrator's factor reset needs a reason and is
 * audited.
 */
class OtpLockoutIT extends RealKeycloakIT {
  static final String AUDITOR = "kt.lethichi";
  static final String AUDITOR_PASSWORD = "Demo-Auditor-2026!x";

  @Test
  void stockKeycloakLocksTheOwnerOutAfterTwoReplays() throws Exception {
    String key = "Vanilla-Owner-Totp-Key";
    KeycloakTestSupport.Response created =
        keycloak.adminPost(
            "/realms",
            Map.of(
                "realm",
                "vanilla-otp",
                "enabled",
                true,
                "bruteForceProtected",
                true,
                "clients",
                List.of(
                    Map.of(
                        "clientId", "app",
                        "publicClient", true,
                        "directAccessGrantsEnabled", true)),
                "users",
                List.of(
                    Map.of(
                        "username", "owner",
                        "enabled", true,
                        "email", "owner@example.org",
                        "firstName", "Owner",
                        "lastName", "Vanilla",
                        "credentials",
                            List.of(
                                Map.of("type", "password", "value", "Owner-Pass-2026!x"),
                                otpCredential(key))))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Totp.Device device = keycloak.enrolled("owner", key.getBytes(StandardCharsets.UTF_8));

    String code = device.nextCode();
    assertThat(vanillaGrant(code).status()).isEqualTo(200);
    // Someone who saw that code and knows the password submits it twice.
    assertThat(vanillaGrant(code).status()).isEqualTo(400);
    assertThat(vanillaGrant(code).status()).isEqualTo(400);
    long lockedAt = System.nanoTime();

    // The owner, with the right password and a fresh code, is now refused.
    assertThat(vanillaGrant(device.nextCode()).status()).isEqualTo(400);
    String owner = keycloak.userId("vanilla-otp", "owner");
    while (bruteForce("vanilla-otp", owner).get("disabled").asBoolean()) {
      Thread.sleep(500);
    }
    long lockedSeconds = (System.nanoTime() - lockedAt) / 1_000_000_000L;
    System.out.println(
        "MFA-3 measured: stock Keycloak locked the owner out for ~" + lockedSeconds + " s");
    assertThat(lockedSeconds).isBetween(30L, 120L);
    assertThat(vanillaGrant(device.nextCode()).status()).isEqualTo(200);
  }

  @Test
  void replayedAndStaleCodesAreRefusedWithoutLockingTheOwnerOut() {
    Totp.Device device = keycloak.device(AUDITOR);
    String code = device.nextCode();
    assertThat(grant(code).status()).isEqualTo(200);

    KeycloakTestSupport.Response replay = grant(code);
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.json().get("error_description").asText())
        .contains("đã được dùng")
        .contains("already used");
    assertThat(grant(code).status()).isEqualTo(400);

    String stale =
        Totp.code(
            "Auditor-Totp-Key-0003".getBytes(StandardCharsets.UTF_8),
            Instant.now().minusSeconds(180));
    KeycloakTestSupport.Response expired = grant(stale);
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.json().get("error_description").asText())
        .contains("hết hạn")
        .contains("expired");

    JsonNode lock = bruteForce("yte-demo", keycloak.userId(AUDITOR));
    assertThat(lock.get("disabled").asBoolean()).isFalse();
    assertThat(lock.get("numFailures").asInt()).isZero();
    assertThat(grant(device.nextCode()).status()).isEqualTo(200);
  }

  @Test
  void guessesStillLockTheAccount() {
    String user = KeycloakTestSupport.CLINICIAN;
    String id = keycloak.userId(user);
    try {
      for (String guess : List.of("000000", "999999")) {
        assertThat(
                keycloak
                    .passwordGrant(
                        "yte-demo", "his-demo", user, KeycloakTestSupport.CLINICIAN_PASSWORD, guess)
                    .status())
            .isEqualTo(400);
      }
      JsonNode lock = bruteForce("yte-demo", id);
      assertThat(lock.get("numFailures").asInt()).isEqualTo(2);
      assertThat(lock.get("disabled").asBoolean()).isTrue();
    } finally {
      keycloak.adminDelete("/realms/yte-demo/attack-detection/brute-force/users/" + id);
    }
  }

  @Test
  void anAdministratorResetsAFactorOnlyWithAReasonAndItIsAudited() {
    String user = "qt.tranthibinh";
    String id = keycloak.userId(user);
    String path = "/realms/yte-demo/yte-mfa/users/" + id + "/otp-reset";
    String admin = keycloak.adminToken();

    assertThat(keycloak.postJson(path, Map.of(), admin).status()).isEqualTo(400);
    assertThat(keycloak.postJson(path, Map.of("reason", "  "), admin).status()).isEqualTo(400);
    String auditor = keycloak.demoToken(AUDITOR, AUDITOR_PASSWORD);
    assertThat(keycloak.postJson(path, Map.of("reason", "x"), auditor).status()).isEqualTo(403);
    assertThat(otpCount(id)).isEqualTo(1);

    String reason = "Điện thoại bị mất, phiếu yêu cầu HT-2026-118";
    KeycloakTestSupport.Response reset = keycloak.postJson(path, Map.of("reason", reason), admin);
    assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    assertThat(reset.json().get("removedCredentials").asInt()).isEqualTo(1);
    assertThat(otpCount(id)).isZero();
    assertThat(
            keycloak
                .adminGet("/realms/yte-demo/users/" + id)
                .json()
                .get("requiredActions")
                .toString())
        .contains("CONFIGURE_TOTP");
    // The old phone's codes are now worthless; the next login enrols a new authenticator.
    KeycloakTestSupport.Response login =
        keycloak.passwordGrant("yte-demo", "his-demo", user, "Demo-Admin-2026!x", "123456");
    assertThat(login.json().get("error_description").asText()).contains("OTP");

    JsonNode adminEvents =
        keycloak
            .adminGet("/realms/yte-demo/admin-events?resourcePath=users/" + id + "/otp-reset")
            .json();
    assertThat(adminEvents).hasSize(1);
    assertThat(adminEvents.get(0).get("representation").asText()).contains(reason);
    JsonNode userEvents =
        keycloak.adminGet("/realms/yte-demo/events?type=REMOVE_CREDENTIAL&user=" + id).json();
    assertThat(userEvents).hasSize(1);
    assertThat(userEvents.get(0).get("details").get("reason").asText()).isEqualTo(reason);
  }

  private long otpCount(String userId) {
    JsonNode creds = keycloak.adminGet("/realms/yte-demo/users/" + userId + "/credentials").json();
    long n = 0;
    for (JsonNode c : creds) {
      n += "otp".equals(c.get("type").asText()) ? 1 : 0;
    }
    return n;
  }

  private KeycloakTestSupport.Response grant(String code) {
    return keycloak.passwordGrant("yte-demo", "his-demo", AUDITOR, AUDITOR_PASSWORD, code);
  }

  private KeycloakTestSupport.Response vanillaGrant(String code) {
    return keycloak.passwordGrant("vanilla-otp", "app", "owner", "Owner-Pass-2026!x", code);
  }

  private JsonNode bruteForce(String realm, String userId) {
    return keycloak
        .adminGet("/realms/" + realm + "/attack-detection/brute-force/users/" + userId)
        .json();
  }

  private static Map<String, Object> otpCredential(String key) {
    return Map.of(
        "type", "otp",
        "userLabel", "Phone",
        "secretData", "{\"value\":\"" + key + "\"}",
        "credentialData",
            "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
  }
}
