package vn.yte.iam.keycloak.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.assessment.Finding.Status;

/** SEC-6: the realm self-assessment, requirement by requirement. */
class SelfAssessmentTest {

  private static Map<String, Status> statuses(Facts facts) {
    return SelfAssessment.assess(facts.build()).stream()
        .collect(Collectors.toMap(Finding::requirement, Finding::status));
  }

  private static Finding finding(Facts facts, String requirement) {
    return SelfAssessment.assess(facts.build()).stream()
        .filter(f -> f.requirement().equals(requirement))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> english(Finding finding) {
    return finding.notes().stream().map(Finding.Note::en).toList();
  }

  private static List<String> vietnamese(Finding finding) {
    return finding.notes().stream().map(Finding.Note::vi).toList();
  }

  @Test
  void theShippedRealmMeetsEveryRequirementButTlsOnPrivateNetworks() {
    Map<String, Status> statuses = statuses(new Facts());
    assertThat(statuses.keySet())
        .containsExactlyInAnyOrder(
            "PW-1", "PW-2", "PW-3", "PW-4", "MFA-1", "MFA-2", "MFA-3", "ACC-1", "ACC-2", "ACC-3",
            "ACC-4", "LOG-1", "LOG-4", "SEC-1", "SEC-2", "SEC-3", "SEC-5");
    assertThat(statuses).containsEntry("SEC-1", Status.PARTIAL);
    assertThat(statuses.entrySet().stream().filter(e -> !e.getKey().equals("SEC-1")))
        .allMatch(e -> e.getValue() == Status.MET);
  }

  @Test
  void aStockRealmMeetsAlmostNothing() {
    Map<String, Status> statuses = statuses(Facts.stock());
    assertThat(statuses)
        .containsEntry("PW-1", Status.NOT_MET)
        .containsEntry("PW-2", Status.NOT_MET)
        .containsEntry("PW-3", Status.NOT_MET)
        .containsEntry("PW-4", Status.NOT_MET)
        .containsEntry("MFA-1", Status.NOT_MET)
        .containsEntry("MFA-2", Status.NOT_MET)
        .containsEntry("MFA-3", Status.NOT_MET)
        .containsEntry("ACC-1", Status.NOT_MET)
        .containsEntry("ACC-2", Status.NOT_MET)
        .containsEntry("ACC-3", Status.NOT_MET)
        .containsEntry("ACC-4", Status.NOT_MET)
        .containsEntry("LOG-1", Status.NOT_MET)
        .containsEntry("LOG-4", Status.NOT_MET)
        .containsEntry("SEC-2", Status.NOT_MET)
        .containsEntry("SEC-3", Status.NOT_MET)
        .containsEntry("SEC-5", Status.NOT_MET);
    assertThat(english(finding(Facts.stock(), "SEC-3")))
        .contains("Server administrators (realm master) can sign in with a password alone");
  }

  @Test
  void keycloaksStockCompositionEntriesMeetPw1() {
    Facts facts = Facts.stock();
    facts.policy.putAll(
        Map.of(
            "length", "8", "upperCase", "1", "lowerCase", "1", "digits", "1", "specialChars", "1"));
    assertThat(statuses(facts)).containsEntry("PW-1", Status.MET);
    facts.policy.put("length", "6");
    assertThat(statuses(facts)).containsEntry("PW-1", Status.NOT_MET);
  }

  @Test
  void aShortCompositionOrALongRotationIsNotMet() {
    Facts facts = new Facts();
    facts.policy.put("yte-password-composition", "6");
    facts.policy.put("forceExpiredPasswordChange", "365");
    assertThat(statuses(facts))
        .containsEntry("PW-1", Status.NOT_MET)
        .containsEntry("PW-4", Status.NOT_MET);
  }

  @Test
  void stockBlacklistAndNotUsernameMeetPw2OnlyInPart() {
    Facts facts = new Facts();
    facts.policy.remove("yte-password-blocklist");
    facts.policy.remove("yte-password-not-personal");
    facts.policy.put("passwordBlacklist", "rockyou.txt");
    facts.policy.put("notUsername", "");
    Finding pw2 = finding(facts, "PW-2");
    assertThat(pw2.status()).isEqualTo(Status.PARTIAL);
    assertThat(english(pw2)).anyMatch(n -> n.contains("notUsername"));
  }

  @Test
  void expiryLeftToKeycloakIsSkippedOnSsoLoginsSoPw4IsPartial() {
    Facts facts = new Facts();
    // Password and code, but nothing after the SSO cookie: Keycloak checks expiry in the form only.
    facts.browser =
        FlowStep.flow(
            "otp-only",
            List.of(
                FlowStep.step("auth-cookie", FlowStep.Requirement.ALTERNATIVE),
                FlowStep.subflow(
                    "forms",
                    FlowStep.Requirement.ALTERNATIVE,
                    List.of(
                        FlowStep.step("auth-username-password-form", FlowStep.Requirement.REQUIRED),
                        FlowStep.step("yte-otp-form", FlowStep.Requirement.REQUIRED)))));
    assertThat(finding(facts, "MFA-1").status()).isEqualTo(Status.MET);
    Finding pw4 = finding(facts, "PW-4");
    assertThat(pw4.status()).isEqualTo(Status.PARTIAL);
    assertThat(english(pw4)).anyMatch(n -> n.contains("yte-password-expiry"));
  }

  @Test
  void aClientBoundToAFlowWithoutOtpBreaksMfa1AndIsNamed() {
    Facts facts = new Facts();
    facts.clientBrowser.put("pacs-viewer", Flows.stockBrowser());
    Finding mfa1 = finding(facts, "MFA-1");
    assertThat(mfa1.status()).isEqualTo(Status.NOT_MET);
    assertThat(english(mfa1))
        .contains("OTP not required on browser flow browser of client pacs-viewer");
    assertThat(mfa1.notes())
        .extracting(Finding.Note::vi)
        .contains(
            "Đăng nhập qua luồng trình duyệt browser của ứng dụng pacs-viewer không bắt buộc mã OTP");
  }

  @Test
  void directGrantWithoutOtpBreaksMfa1UnlessNoClientUsesIt() {
    Facts facts = new Facts();
    facts.directGrant = Flows.stockDirectGrant();
    assertThat(statuses(facts)).containsEntry("MFA-1", Status.NOT_MET);
    facts.directGrantClients = List.of();
    assertThat(statuses(facts)).containsEntry("MFA-1", Status.MET);
  }

  @Test
  void brokeredLoginsMakeMfa1PartialAndNameTheProvider() {
    Facts facts = new Facts();
    facts.identityProviders = List.of(provider("so-y-te-ad", RealmFacts.Probe.CONNECTED, null));
    Finding mfa1 = finding(facts, "MFA-1");
    assertThat(mfa1.status()).isEqualTo(Status.PARTIAL);
    assertThat(english(mfa1))
        .contains("Logins brokered from so-y-te-ad rely on that provider's MFA");
  }

  @Test
  void withoutAnAcrForTheCodeTokensCannotProveMfa() {
    Facts facts = new Facts();
    facts.loa = Map.of("password", 1);
    assertThat(statuses(facts)).containsEntry("MFA-2", Status.NOT_MET);
  }

  @Test
  void replayableCodesBreakMfa3() {
    Facts facts = new Facts();
    assertThat(english(finding(facts, "MFA-3"))).contains("Locked after 5 failures");
    facts.codeReusable = true;
    assertThat(statuses(facts)).containsEntry("MFA-3", Status.NOT_MET);
  }

  @Test
  void enabledGenericAccountsAreListedUnderAcc2() {
    Facts facts = new Facts();
    facts.generic = List.of("admin", "khoanoi");
    Finding acc2 = finding(facts, "ACC-2");
    assertThat(acc2.status()).isEqualTo(Status.NOT_MET);
    assertThat(english(acc2)).contains("2 enabled generic accounts: admin, khoanoi");
  }

  @Test
  void accountsPastTheirEndDateMakeAcc4Partial() {
    Facts facts = new Facts();
    facts.pastEndDate = 2;
    assertThat(statuses(facts)).containsEntry("ACC-4", Status.PARTIAL);
  }

  @Test
  void eventTypesTheTrailNeedsMustBeStored() {
    Facts facts = new Facts();
    facts.eventTypes = Set.of("LOGIN", "LOGIN_ERROR");
    assertThat(statuses(facts))
        .containsEntry("LOG-1", Status.NOT_MET)
        .containsEntry("MFA-3", Status.NOT_MET);
    facts.eventTypes =
        Set.of(
            "LOGIN",
            "LOGIN_ERROR",
            "LOGOUT",
            "CODE_TO_TOKEN",
            "UPDATE_CREDENTIAL",
            "REMOVE_CREDENTIAL");
    assertThat(statuses(facts))
        .containsEntry("LOG-1", Status.MET)
        .containsEntry("MFA-3", Status.MET);
  }

  @Test
  void eventsKeptOnlyHoursAreAPartialLog1() {
    Facts facts = new Facts();
    facts.eventsExpiration = 6 * 3600;
    Finding log1 = finding(facts, "LOG-1");
    assertThat(log1.status()).isEqualTo(Status.PARTIAL);
    assertThat(english(log1)).anyMatch(n -> n.contains("6 hours"));
  }

  @Test
  void adminEventsWithoutDetailsArePartial() {
    Facts facts = new Facts();
    facts.adminEventDetails = false;
    assertThat(statuses(facts)).containsEntry("LOG-4", Status.PARTIAL);
  }

  @Test
  void tlsForAllIsMetAndNoneIsNot() {
    Facts facts = new Facts();
    facts.sslRequired = "ALL";
    assertThat(statuses(facts)).containsEntry("SEC-1", Status.MET);
    facts.sslRequired = "NONE";
    assertThat(statuses(facts)).containsEntry("SEC-1", Status.NOT_MET);
  }

  @Test
  void aStockMasterRealmFailsSec3EvenWhenTheRealmIsSound() {
    Facts facts = new Facts();
    facts.adminBrowser = Flows.stockBrowser();
    Map<String, Status> statuses = statuses(facts);
    assertThat(statuses).containsEntry("SEC-3", Status.NOT_MET).containsEntry("MFA-1", Status.MET);
  }

  @Test
  void serverAdministratorsPasswordsAreHeldToPw1To4UnderSec3() {
    assertThat(english(finding(new Facts(), "SEC-3")))
        .contains("Server administrators' passwords (realm master) follow PW-1..4");
    Facts stockPolicy = new Facts();
    stockPolicy.adminPolicy.clear();
    Finding sec3 = finding(stockPolicy, "SEC-3");
    // Master still demands a code, so its passwords alone make SEC-3 partial, not unmet.
    assertThat(sec3.status()).isEqualTo(Status.PARTIAL);
    assertThat(english(sec3))
        .contains(
            "Realm master: Administrators can type passwords for others"
                + " (yte-password-issued-only missing)",
            "Realm master: Passwords do not expire within 180 days (forceExpiredPasswordChange)")
        .doesNotContain("Server administrators' passwords (realm master) follow PW-1..4");
    // The unit's own PW findings are its realm's business.
    assertThat(statuses(stockPolicy)).containsEntry("PW-1", Status.MET);
  }

  @Test
  void sec5NamesTheProtocolsAndSaysNoDirectoryIsFederated() {
    Facts facts = new Facts();
    facts.clientProtocols = Map.of("openid-connect", 6, "saml", 1);
    Finding sec5 = finding(facts, "SEC-5");
    assertThat(sec5.status()).isEqualTo(Status.MET);
    assertThat(english(sec5))
        .anySatisfy(n -> assertThat(n).contains("standard protocols", "openid-connect 6", "saml 1"))
        .anySatisfy(n -> assertThat(n).startsWith("No LDAP/AD directory federated"))
        .contains("No citizen ID is shared by enabled accounts");
  }

  @Test
  void aDirectoryThatFailsItsProbeBreaksSec5AndIsNamedWithTheReason() {
    Facts facts = new Facts();
    facts.federated = 12;
    facts.directories =
        List.of(
            directory("ad-benhvien", RealmFacts.Probe.CONNECTED, null),
            directory("ldap-cu", RealmFacts.Probe.FAILED, "Connection refused"));
    Finding sec5 = finding(facts, "SEC-5");
    assertThat(sec5.status()).isEqualTo(Status.NOT_MET);
    assertThat(english(sec5))
        .contains(
            "Directory ad-benhvien (ldap://dc1.benhvien.vn) answered when checked (connected and"
                + " bound)",
            "Directory ldap-cu (ldap://dc1.benhvien.vn) failed: its staff cannot sign in"
                + " (Connection refused)",
            "12 enabled accounts come from a directory");
  }

  @Test
  void aDisabledDirectoryOrAnUnknownProtocolMakesSec5Partial() {
    Facts disabled = new Facts();
    disabled.directories = List.of(directory("ad-cu", RealmFacts.Probe.DISABLED, null));
    assertThat(finding(disabled, "SEC-5").status()).isEqualTo(Status.PARTIAL);
    Facts kerberos = new Facts();
    kerberos.directories =
        List.of(
            new RealmFacts.Directory(
                "kerberos", "kerberos", null, RealmFacts.Probe.NOT_TESTED, null));
    assertThat(finding(kerberos, "SEC-5").status()).isEqualTo(Status.MET);
    Facts docker = new Facts();
    docker.clientProtocols = Map.of("openid-connect", 6, "docker-v2", 1);
    assertThat(finding(docker, "SEC-5").status()).isEqualTo(Status.PARTIAL);
    assertThat(english(finding(docker, "SEC-5")))
        .contains("Applications on protocols other than OIDC or SAML: docker-v2");
  }

  @Test
  void sharedCitizenIdsLeftByImportsMakeAcc1AndSec5Partial() {
    Facts facts = new Facts();
    facts.sharedCitizenIds = 2;
    Map<String, Status> statuses = statuses(facts);
    assertThat(statuses)
        .containsEntry("ACC-1", Status.PARTIAL)
        .containsEntry("SEC-5", Status.PARTIAL);
    assertThat(english(finding(facts, "ACC-1")))
        .contains(
            "2 citizen IDs shared by enabled accounts (listed by"
                + " yte-accounts/duplicate-citizen-ids)");
  }

  @Test
  void anIdentityProviderThatFailsItsProbeBreaksSec5AndIsNamedWithTheReason() {
    Facts facts = new Facts();
    facts.identityProviders =
        List.of(
            provider("so-y-te", RealmFacts.Probe.CONNECTED, null),
            provider("benh-vien-cu", RealmFacts.Probe.FAILED, "Connection refused"),
            new RealmFacts.IdentityProvider(
                "google", "google", null, RealmFacts.Probe.NOT_TESTED, null));
    Finding sec5 = finding(facts, "SEC-5");
    assertThat(sec5.status()).isEqualTo(Status.NOT_MET);
    assertThat(english(sec5))
        .contains(
            "Logins brokered from the existing identity system so-y-te"
                + " (https://sso.soyte.vn/token), which answered when checked",
            "Identity provider benh-vien-cu (https://sso.soyte.vn/token) failed: staff who sign in"
                + " through it cannot sign in (Connection refused)",
            "Logins brokered from the existing identity system google (google) (Keycloak cannot try"
                + " this kind itself)");
    assertThat(vietnamese(sec5))
        .contains(
            "Hệ thống định danh benh-vien-cu (https://sso.soyte.vn/token) lỗi khi kiểm tra: nhân"
                + " viên đăng nhập qua hệ thống này không đăng nhập được (Connection refused)");
    facts.identityProviders = List.of(provider("so-y-te", RealmFacts.Probe.CONNECTED, null));
    assertThat(finding(facts, "SEC-5").status()).isEqualTo(Status.MET);
  }

  private static RealmFacts.IdentityProvider provider(
      String alias, RealmFacts.Probe probe, String error) {
    return new RealmFacts.IdentityProvider(
        alias, "oidc", "https://sso.soyte.vn/token", probe, error);
  }

  private static RealmFacts.Directory directory(String name, RealmFacts.Probe probe, String error) {
    return new RealmFacts.Directory(name, "ldap", "ldap://dc1.benhvien.vn", probe, error);
  }

  @Test
  void everyNoteIsInVietnameseAndEnglish() {
    for (Facts facts : List.of(new Facts(), Facts.stock())) {
      assertThat(SelfAssessment.assess(facts.build()))
          .flatMap(Finding::notes)
          .allSatisfy(
              n -> {
                assertThat(n.vi()).isNotBlank().isNotEqualTo(n.en());
                assertThat(n.en()).isNotBlank();
              });
    }
  }
}
