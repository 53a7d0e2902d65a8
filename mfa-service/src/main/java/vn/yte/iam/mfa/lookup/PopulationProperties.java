package vn.yte.iam.mfa.lookup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param upstreamUrl base URL of the population-database API (the simulator locally)
 * @param apiKey key the upstream expects in {@code X-Api-Key}
 * @param timeout per-request timeout; a lookup that times out is audited as UPSTREAM_ERROR
 * @param citizenKey secret for the keyed pseudonyms that stand for citizen ids in the audit log
 * @param maxConnections most connections open to the upstream at once, from this instance
 */
@ConfigurationProperties("yte.population")
public record PopulationProperties(
    String upstreamUrl,
    String apiKey,
    Duration timeout,
    String citizenKey,
    Integer maxConnections) {
  public PopulationProperties {
    require(upstreamUrl, "yte.population.upstream-url (YTE_POPULATION_URL)");
    require(apiKey, "yte.population.api-key (YTE_POPULATION_API_KEY)");
    require(citizenKey, "yte.population.citizen-key (YTE_AUDIT_CITIZEN_KEY)");
    if (citizenKey.length() < 32) {
      throw new IllegalArgumentException(
          "yte.population.citizen-key must be at least 32 characters of random data");
    }
    if (timeout == null) {
      timeout = Duration.ofSeconds(5);
    }
    if (maxConnections == null) {
      maxConnections = 64;
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException(
          "yte.population.max-connections (YTE_POPULATION_MAX_CONNECTIONS) must be at least 1");
    }
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must be set");
    }
  }
}
