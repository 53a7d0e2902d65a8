package vn.yte.iam.keycloak.profile;

import java.nio.file.Path;
import org.keycloak.Config;
import vn.yte.iam.keycloak.spi.RealmResourceFactory;

/**
 * Mounts {@link PolicyResource} at {@code /realms/{realm}/yte-policy}. SPI option {@code
 * profiles-dir} (default {@code conf/yte-profiles} under Keycloak's home) holds site profiles.
 */
public final class PolicyResourceProviderFactory extends RealmResourceFactory<PolicyProfiles> {
  public static final String PROVIDER_ID = "yte-policy";

  public PolicyResourceProviderFactory() {
    super(PROVIDER_ID, PolicyResource::new);
  }

  @Override
  protected PolicyProfiles shared(Config.Scope config) {
    String home = System.getProperty("kc.home.dir", ".");
    return new PolicyProfiles(
        Path.of(config.get("profilesDir", Path.of(home, "conf", "yte-profiles").toString())));
  }
}
