package vn.yte.iam.keycloak.account;

import org.keycloak.Config;
import vn.yte.iam.keycloak.spi.RealmResourceFactory;

/** Mounts {@link AccountsResource} at {@code /realms/{realm}/yte-accounts}. */
public final class AccountsResourceProviderFactory extends RealmResourceFactory<Void> {
  public static final String PROVIDER_ID = "yte-accounts";

  public AccountsResourceProviderFactory() {
    super(PROVIDER_ID, AccountsResource::new);
  }

  @Override
  protected Void shared(Config.Scope config) {
    return null;
  }
}
