package vn.yte.iam.keycloak.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A realm's facts to assess, starting from the shipped demo realm; tests change one thing. */
final class Facts {
  Map<String, String> policy = new LinkedHashMap<>();
  String sslRequired = "EXTERNAL";
  boolean bruteForce = true;
  boolean events = true;
  long eventsExpiration = 180L * 86_400;
  Set<String> eventTypes = Set.of();
  boolean adminEvents = true;
  boolean adminEventDetails = true;
  boolean codeReusable = false;
  Set<String> requiredActions = Set.of("CONFIGURE_TOTP", "UPDATE_PASSWORD");
  Map<String, Integer> loa = Map.of("password", 1, "mfa", 2, "mfa-fresh", 3);
  FlowStep browser = Flows.shippedBrowser(2);
  FlowStep directGrant = Flows.shippedDirectGrant();
  Map<String, FlowStep> clientBrowser = new LinkedHashMap<>();
  List<String> directGrantClients = List.of("admin-cli", "his-demo");
  List<RealmFacts.IdentityProvider> identityProviders = List.of();
  FlowStep adminBrowser = Flows.shippedAdminBrowser();
  FlowStep adminDirectGrant = Flows.shippedAdminDirectGrant();
  Map<String, String> adminPolicy = new LinkedHashMap<>();
  Map<String, Set<String>> validators =
      Map.of(
          "username", Set.of("length", "yte-person-username"),
          "cccd", Set.of("yte-cccd", "yte-unique-attribute"));
  List<String> generic = List.of();
  int pastEndDate = 0;
  int sharedCitizenIds = 0;
  int federated = 0;
  Map<String, Integer> clientProtocols = Map.of("openid-connect", 7);
  List<RealmFacts.Directory> directories = List.of();

  Facts() {
    policy.put("yte-password-composition", "8");
    policy.put("yte-password-blocklist", "default");
    policy.put("yte-password-not-personal", "");
    policy.put("yte-password-issued-only", "");
    policy.put("forceExpiredPasswordChange", "180");
    policy.put("yte-password-expiry-warning", "14,7,1");
    policy.put("passwordHistory", "5");
    // policies/realm/master-realm.json: the strict profile.
    adminPolicy.put("yte-password-composition", "12");
    adminPolicy.put("yte-password-blocklist", "default");
    adminPolicy.put("yte-password-not-personal", "");
    adminPolicy.put("yte-password-issued-only", "");
    adminPolicy.put("forceExpiredPasswordChange", "90");
    adminPolicy.put("yte-password-expiry-warning", "14,7,3,1");
    adminPolicy.put("passwordHistory", "12");
  }

  /** A realm as Keycloak creates it, under a server whose master realm is stock too. */
  static Facts stock() {
    Facts facts = new Facts();
    facts.policy.clear();
    facts.bruteForce = false;
    facts.events = false;
    facts.adminEvents = false;
    facts.adminEventDetails = false;
    facts.loa = Map.of();
    facts.browser = Flows.stockBrowser();
    facts.directGrant = Flows.stockDirectGrant();
    facts.adminBrowser = Flows.stockBrowser();
    facts.adminDirectGrant = Flows.stockDirectGrant();
    facts.adminPolicy.clear();
    facts.validators = Map.of("username", Set.of("length"));
    return facts;
  }

  RealmFacts build() {
    return new RealmFacts(
        "test",
        policy,
        sslRequired,
        bruteForce,
        5,
        events,
        eventsExpiration,
        eventTypes,
        adminEvents,
        adminEventDetails,
        codeReusable,
        requiredActions,
        loa,
        browser,
        directGrant,
        clientBrowser,
        Map.of(),
        directGrantClients,
        identityProviders,
        adminBrowser,
        adminDirectGrant,
        adminPolicy,
        validators,
        clientProtocols,
        directories,
        new RealmFacts.Accounts(40, generic, 1, 3, pastEndDate, sharedCitizenIds, federated));
  }
}
