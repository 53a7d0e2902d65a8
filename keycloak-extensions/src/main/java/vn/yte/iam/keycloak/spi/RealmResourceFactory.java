package vn.yte.iam.keycloak.spi;

import java.util.function.BiFunction;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts a JAX-RS resource at {@code /realms/{realm}/{id}}. The factory keeps what the resource
 * shares across requests ({@code S}, built once from the SPI config); each request gets a fresh
 * resource bound to its session.
 */
public abstract class RealmResourceFactory<S> implements RealmResourceProviderFactory {
  private final String id;
  private final BiFunction<KeycloakSession, S, Object> resource;
  private S shared;

  protected RealmResourceFactory(String id, BiFunction<KeycloakSession, S, Object> resource) {
    this.id = id;
    this.resource = resource;
  }

  /** Builds the shared state from this provider's SPI options. */
  protected abstract S shared(Config.Scope config);

  @Override
  public final RealmResourceProvider create(KeycloakSession session) {
    Object instance = resource.apply(session, shared);
    return new RealmResourceProvider() {
      @Override
      public Object getResource() {
        return instance;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public final void init(Config.Scope config) {
    shared = shared(config);
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public final String getId() {
    return id;
  }
}
