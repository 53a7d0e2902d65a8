package vn.yte.iam.keycloak.profile;

import org.keycloak.Config;
import vn.yte.iam.keycloak.spi.ConfDirectory;
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
    return new PolicyProfiles(ConfDirectory.of(config, "profilesDir", "yte-profiles"));
  }
}
