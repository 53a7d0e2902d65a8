package vn.yte.iam.mfa.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak's events come from (LOG-1, LOG-3).
 *
 * @param enabled whether to pull at all
 * @param realmUrl the realm as mfa-service reaches it (inside a compose network, {@code
 *     http://keycloak:8080/realms/<realm>}); blank means the token issuer
 * @param clientId the confidential client whose service account may read events (view-events)
 * @param clientSecret its secret
 * @param interval pause between two pulls
 * @param overlap how far back each pull looks again before the last event seen; events committed
 *     late (a long transaction) still arrive, and ids make repeats harmless
 * @param pageSize events per request
 */
@ConfigurationProperties("yte.ingest")
public record IngestProperties(
    boolean enabled,
    String realmUrl,
    String clientId,
    String clientSecret,
    Duration interval,
    Duration overlap,
    int pageSize) {}
