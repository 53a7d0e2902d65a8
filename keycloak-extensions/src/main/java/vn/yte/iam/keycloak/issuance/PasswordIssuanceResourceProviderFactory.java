package vn.yte.iam.keycloak.issuance;

import java.security.SecureRandom;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link PasswordIssuanceResource} at {@code /realms/{realm}/yte-password-issuance}. */
public final class PasswordIssuanceResourceProviderFactory implements RealmResourceProviderFactory {
  public static final String PROVIDER_ID = "yte-password-issuance";

  private RandomPasswords passwords;

  @Override
  public RealmResourceProvider create(KeycloakSession session) {
    PasswordIssuanceResource resource = new PasswordIssuanceResource(session, passwords);
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
    passwords = new RandomPasswords(new SecureRandom());
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
