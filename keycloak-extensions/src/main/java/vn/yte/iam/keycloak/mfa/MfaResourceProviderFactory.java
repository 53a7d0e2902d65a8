package vn.yte.iam.keycloak.mfa;

import org.keycloak.Config;
import vn.yte.iam.keycloak.spi.RealmResourceFactory;

/** Mounts {@link MfaResource} at {@code /realms/{realm}/yte-mfa}. */
public final class MfaResourceProviderFactory extends RealmResourceFactory<Void> {
  public static final String PROVIDER_ID = "yte-mfa";

  public MfaResourceProviderFactory() {
    super(PROVIDER_ID, MfaResource::new);
  }

  @Override
  protected Void shared(Config.Scope config) {
    return null;
  }
}
