package vn.yte.iam.keycloak.assessment;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.TestLdapConnectionRepresentation;
import vn.yte.iam.keycloak.assessment.RealmFacts.Directory;
import vn.yte.iam.keycloak.assessment.RealmFacts.Probe;

/**
 * SEC-5: the directories (LDAP/AD, Kerberos) a realm federates, each LDAP one connected to and
 * bound to now with its stored credential, the way the admin console's "Test authentication" does.
 * A directory that does not answer means its staff cannot sign in.
 */
final class DirectoryProbe {
  /** Per directory: the assessment waits at most this long for one that does not answer. */
  static final int TIMEOUT_MILLIS = 5_000;

  private static final String LDAP = "ldap";

  /**
   * Keycloak's user-storage SPI and its "enabled" setting (absent means enabled). Their classes
   * live in keycloak-model-storage, which Maven Central does not carry for 26.7.3.
   */
  private static final String USER_STORAGE = "org.keycloak.storage.UserStorageProvider";

  private static final String ENABLED = "enabled";

  /**
   * Keycloak's own LDAP test. It lives in keycloak-ldap-federation, which the server ships but
   * Maven Central does not carry for 26.7.3, so it is found at run time rather than compiled
   * against; null where the server has no LDAP support.
   */
  private static final MethodHandle TEST_LDAP = testLdap();

  private DirectoryProbe() {}

  static List<Directory> probe(KeycloakSession session, RealmModel realm) {
    return realm
        .getComponentsStream(realm.getId(), USER_STORAGE)
        .map(component -> probe(session, realm, component))
        .toList();
  }

  private static Directory probe(
      KeycloakSession session, RealmModel realm, ComponentModel component) {
    MultivaluedHashMap<String, String> config = component.getConfig();
    String url = config.getFirst("connectionUrl");
    String provider = component.getProviderId();
    String enabled = config.getFirst(ENABLED);
    if (enabled != null && !Boolean.parseBoolean(enabled)) {
      return new Directory(component.getName(), provider, url, Probe.DISABLED, null);
    }
    if (!LDAP.equals(provider) || TEST_LDAP == null) {
      return new Directory(component.getName(), provider, url, Probe.NOT_TESTED, null);
    }
    TestLdapConnectionRepresentation test = new TestLdapConnectionRepresentation();
    String authType = config.getFirst("authType");
    // An anonymous directory has nothing to authenticate: connecting is the whole test.
    test.setAction("simple".equals(authType) ? "testAuthentication" : "testConnection");
    test.setComponentId(component.getId());
    test.setConnectionUrl(url);
    test.setAuthType(authType);
    test.setBindDn(config.getFirst("bindDn"));
    // With the component's id, this placeholder makes Keycloak use the stored credential (or its
    // vault reference): the probe never handles the secret itself.
    test.setBindCredential(ComponentRepresentation.SECRET_VALUE);
    test.setUseTruststoreSpi(config.getFirst("useTruststoreSpi"));
    test.setStartTls(config.getFirst("startTls"));
    test.setConnectionTimeout(String.valueOf(TIMEOUT_MILLIS));
    try {
      TEST_LDAP.invoke(test, session, realm);
      return new Directory(component.getName(), provider, url, Probe.CONNECTED, null);
    } catch (Throwable e) {
      return new Directory(component.getName(), provider, url, Probe.FAILED, reason(e));
    }
  }

  /** The innermost message: "Connection refused", not the wrappers around it. */
  static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }

  private static MethodHandle testLdap() {
    try {
      Class<?> manager =
          Class.forName(
              "org.keycloak.services.managers.LDAPServerCapabilitiesManager",
              true,
              DirectoryProbe.class.getClassLoader());
      return MethodHandles.publicLookup()
          .findStatic(
              manager,
              "testLDAP",
              MethodType.methodType(
                  void.class,
                  TestLdapConnectionRepresentation.class,
                  KeycloakSession.class,
                  RealmModel.class));
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
