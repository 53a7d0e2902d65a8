package vn.yte.iam.keycloak.profile;

import java.nio.file.Path;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link PolicyResource} at {@code /realms/{realm}/yte-policy}. */
public final class PolicyResourceProviderFactory implements RealmResourceProviderFactory {
  public static final String PROVIDER_ID = "yte-policy";

  private PolicyProfiles profiles;

  @Override
  public RealmResourceProvider create(KeycloakSession session) {
    PolicyResource resource = new PolicyResource(session, profiles);
    return new RealmResourceProvider() {
      @Override
      public Object getResource() {
        return resource;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void init(Config.Scope config) {
    String home = System.getProperty("kc.home.dir", ".");
    profiles =
        new PolicyProfiles(
            Path.of(config.get("profilesDir", Path.of(home, "conf", "yte-profiles").toString())));
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return PROVIDER_ID;
  }
}
