package vn.yte.iam.keycloak.support;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * A real LDAP server in the test's process, on a loopback port, that Keycloak's LDAP provider
 * federates as a hospital's directory: {@code ou=people} under {@link #BASE}, bound to as {@link
 * #BIND_DN}.
 */
public final class TestDirectory implements AutoCloseable {
  public static final String BASE = "dc=benhvien-demo,dc=vn";
  public static final String PEOPLE = "ou=people," + BASE;
  public static final String BIND_DN = "cn=keycloak";
  public static final String BIND_PASSWORD = "Bind-Secret-2026!";

  private final InMemoryDirectoryServer server;

  private TestDirectory(InMemoryDirectoryServer server) {
    this.server = server;
  }

  /**
   * A directory holding {@code ou=people}; not listening until {@link #listen()}, so entries can be
   * added first.
   *
   * @param schemaChecked false to accept attributes of schemas the in-memory default lacks (such as
   *     the password-policy {@code pwdChangedTime})
   */
  public static TestDirectory create(boolean schemaChecked) throws LDAPException, LDIFException {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
    if (!schemaChecked) {
      config.setSchema(null);
    }
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    server.add("dn: " + BASE, "objectClass: domain", "dc: benhvien-demo");
    server.add("dn: " + PEOPLE, "objectClass: organizationalUnit", "ou: people");
    return new TestDirectory(server);
  }

  public void add(String... ldif) throws LDAPException, LDIFException {
    server.add(ldif);
  }

  public TestDirectory listen() throws LDAPException {
    server.startListening();
    return this;
  }

  public String url() {
    return "ldap://127.0.0.1:" + server.getListenPort();
  }

  /**
   * A Keycloak {@code ldap} user-storage component for this directory, to POST to {@code
   * /admin/realms/{realm}/components}.
   */
  public Map<String, Object> keycloakComponent(String realmId, String name, String editMode) {
    return Map.of(
        "name",
        name,
        "providerId",
        "ldap",
        "providerType",
        "org.keycloak.storage.UserStorageProvider",
        "parentId",
        realmId,
        "config",
        keycloakConfig(editMode));
  }

  private Map<String, List<String>> keycloakConfig(String editMode) {
    return Map.ofEntries(
        Map.entry("enabled", List.of("true")),
        Map.entry("vendor", List.of("other")),
        Map.entry("connectionUrl", List.of(url())),
        Map.entry("bindDn", List.of(BIND_DN)),
        Map.entry("bindCredential", List.of(BIND_PASSWORD)),
        Map.entry("authType", List.of("simple")),
        Map.entry("usersDn", List.of(PEOPLE)),
        Map.entry("usernameLDAPAttribute", List.of("uid")),
        Map.entry("rdnLDAPAttribute", List.of("uid")),
        Map.entry("uuidLDAPAttribute", List.of("entryUUID")),
        Map.entry("userObjectClasses", List.of("inetOrgPerson")),
        Map.entry("searchScope", List.of("1")),
        Map.entry("editMode", List.of(editMode)),
        Map.entry("importEnabled", List.of("true")),
        Map.entry("syncRegistrations", List.of("false")),
        Map.entry("pagination", List.of("false")),
        Map.entry("trustEmail", List.of("true")));
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
