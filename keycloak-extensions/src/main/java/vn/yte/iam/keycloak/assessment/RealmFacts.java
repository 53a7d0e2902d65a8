package vn.yte.iam.keycloak.assessment;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the self-assessment reads off a live realm, as plain data ({@link RealmFactsReader} fills it
 * from Keycloak's model). Flows are null where the realm binds none.
 *
 * @param passwordPolicy password policy entries, type to value ("" when the entry has none)
 * @param enabledEventTypes user event types stored; empty means all of them
 * @param loaLevels the realm's {@code acr.loa.map}: acr value to level
 * @param clientBrowserFlows browser flows that clients bind instead of the realm's, by client id
 * @param clientDirectGrantFlows direct-grant flows that clients bind instead of the realm's
 * @param directGrantClients enabled clients that allow the password grant
 * @param identityProviders enabled identity providers logins can be brokered from, each as {@link
 *     IdentityProviderProbe} found it
 * @param adminBrowserFlow browser flow of the server's admin realm ({@code master})
 * @param adminDirectGrantFlow direct-grant flow of the server's admin realm
 * @param adminPasswordPolicy password policy of the server's admin realm; null without one
 * @param validators user-profile attribute to the validators configured on it
 * @param clientProtocols enabled clients by the protocol they speak ({@code openid-connect}, ...)
 * @param directories the user-storage directories (LDAP/AD, Kerberos) the realm federates
 */
public record RealmFacts(
    String realm,
    Map<String, String> passwordPolicy,
    String sslRequired,
    boolean bruteForceProtected,
    int failureFactor,
    boolean eventsEnabled,
    long eventsExpirationSeconds,
    Set<String> enabledEventTypes,
    boolean adminEventsEnabled,
    boolean adminEventsDetailsEnabled,
    boolean otpCodeReusable,
    Set<String> enabledRequiredActions,
    Map<String, Integer> loaLevels,
    FlowStep browserFlow,
    FlowStep directGrantFlow,
    Map<String, FlowStep> clientBrowserFlows,
    Map<String, FlowStep> clientDirectGrantFlows,
    List<String> directGrantClients,
    List<IdentityProvider> identityProviders,
    FlowStep adminBrowserFlow,
    FlowStep adminDirectGrantFlow,
    Map<String, String> adminPasswordPolicy,
    Map<String, Set<String>> validators,
    Map<String, Integer> clientProtocols,
    List<Directory> directories,
    Accounts accounts) {

  /** What trying an existing identity system (a directory, an identity provider) showed. */
  public enum Probe {
    /** Answered: a directory connected and, where it binds with a credential, authenticated. */
    CONNECTED,
    FAILED,
    /** Configured but switched off: its users cannot sign in. */
    DISABLED,
    /** Not a kind Keycloak can try here (Kerberos, a social network's login). */
    NOT_TESTED
  }

  /**
   * A federated directory and what {@link DirectoryProbe} found when it tried it.
   *
   * @param provider Keycloak's provider id: {@code ldap} or {@code kerberos}
   * @param error why the directory failed, as the connection reported it; null otherwise
   */
  public record Directory(
      String name, String provider, String connectionUrl, Probe probe, String error) {}

  /**
   * An enabled identity provider logins are brokered from, and what {@link IdentityProviderProbe}
   * found when it tried it.
   *
   * @param provider Keycloak's provider id: {@code oidc}, {@code keycloak-oidc}, {@code saml}, ...
   * @param url the endpoint that was tried (the failing one, if any); null when none was
   * @param error why it failed: the endpoint's answer, or what the connection reported; null
   *     otherwise
   */
  public record IdentityProvider(
      String alias, String provider, String url, Probe probe, String error) {}

  /**
   * Counts over the realm's interactive (non-service) accounts that are enabled.
   *
   * @param generic usernames the shipped generic-name list refuses (ACC-2)
   * @param withoutCitizenId accounts with no citizen ID (ACC-1)
   * @param withoutOtp accounts with no authenticator enrolled yet (MFA-1)
   * @param pastEndDate accounts still enabled after their end date (ACC-4)
   * @param sharedCitizenIds citizen IDs held by more than one of these accounts (ACC-1, SEC-5)
   * @param federated accounts that come from a directory (SEC-5)
   */
  public record Accounts(
      int enabled,
      List<String> generic,
      int withoutCitizenId,
      int withoutOtp,
      int pastEndDate,
      int sharedCitizenIds,
      int federated) {}
}
