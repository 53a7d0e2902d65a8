package vn.yte.iam.keycloak.spi;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.TimerProvider;

/** Periodic jobs over every realm, started once the database is ready. */
public final class Sweeps {
  private static final Logger LOG = Logger.getLogger(Sweeps.class);

  private Sweeps() {}

  /** What one sweep does in one realm; returns how many users it acted on. */
  @FunctionalInterface
  public interface PerRealm {
    int run(KeycloakSession session, RealmModel realm);
  }

  /** Schedules {@code job} every {@code intervalSeconds} (0 or less: never) under {@code name}. */
  public static void schedule(
      KeycloakSessionFactory factory, String name, long intervalSeconds, PerRealm job) {
    if (intervalSeconds <= 0) {
      return;
    }
    factory.register(
        event -> {
          if (event instanceof PostMigrationEvent) {
            KeycloakModelUtils.runJobInTransaction(
                factory,
                session ->
                    session
                        .getProvider(TimerProvider.class)
                        .scheduleTask(s -> runAll(s, name, job), intervalSeconds * 1000, name));
          }
        });
  }

  private static void runAll(KeycloakSession session, String name, PerRealm job) {
    for (RealmModel realm : session.realms().getRealmsStream().toList()) {
      int n = job.run(session, realm);
      if (n > 0) {
        LOG.infof("%s: %d users in realm %s", name, n, realm.getName());
      }
    }
  }
}
