package vn.yte.iam.keycloak.issuance;

import java.security.SecureRandom;
import org.keycloak.Config;
import vn.yte.iam.keycloak.spi.RealmResourceFactory;

/** Mounts {@link PasswordIssuanceResource} at {@code /realms/{realm}/yte-password-issuance}. */
public final class PasswordIssuanceResourceProviderFactory
    extends RealmResourceFactory<RandomPasswords> {
  public static final String PROVIDER_ID = "yte-password-issuance";

  public PasswordIssuanceResourceProviderFactory() {
    super(PROVIDER_ID, PasswordIssuanceResource::new);
  }

  @Override
  protected RandomPasswords shared(Config.Scope config) {
    return new RandomPasswords(new SecureRandom());
  }
}
