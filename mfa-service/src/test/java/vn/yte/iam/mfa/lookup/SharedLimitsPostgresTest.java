package vn.yte.iam.mfa.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import vn.yte.iam.mfa.audit.AuditQuery;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.support.PostgresSchema;
import vn.yte.iam.mfa.support.TestTokens;
import vn.yte.iam.simulator.PopulationSimulator;

/**
 * Two mfa-service instances on one PostgreSQL, as behind a load balancer: an account's lookups
 * through either count against one limit (LOG-2), and both instances' records form one chain.
 */
class SharedLimitsPostgresTest {
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anAccountGetsOneLimitAcrossInstances(@TempDir Path dir) throws Exception {
    try (TestTokens tokens = new TestTokens();
        PopulationSimulator simulator = PopulationSimulator.start("127.0.0.1", 0, "sim-key");
        PostgresSchema schema = new PostgresSchema("yte_shared")) {
      String[] settings = {
        "--yte.token.issuer=" + TestTokens.ISSUER,
        "--yte.token.jwk-set-uri=" + tokens.jwksUri(),
        "--yte.population.upstream-url=" + simulator.baseUrl(),
        "--yte.population.api-key=sim-key",
        "--yte.lookup.per-minute=3",
        "--yte.audit.checkpoint.key-file=" + dir.resolve("checkpoint-key.jwk.json")
      };
      try (ConfigurableApplicationContext first = schema.startService(settings);
          ConfigurableApplicationContext second = schema.startService(settings)) {
        String token = tokens.token("bs.chung", "population-lookup");
        assertThat(lookup(first, token)).isEqualTo(200);
        assertThat(lookup(second, token)).isEqualTo(200);
        assertThat(lookup(first, token)).isEqualTo(200);
        assertThat(lookup(second, token)).as("the fourth in a minute, on the other").isEqualTo(429);
        assertThat(lookup(first, token)).isEqualTo(429);
        assertThat(lookup(second, tokens.token("bs.dung", "population-lookup")))
            .as("another account")
            .isEqualTo(200);

        AuditService audit = first.getBean(AuditService.class);
        List<String> outcomes =
            audit.find(new AuditQuery("bs.chung", null, null, null, null, null, 100)).stream()
                .map(r -> r.event().outcome())
                .toList();
        assertThat(outcomes)
            .containsExactly(
                "RATE_LIMITED",
                "RATE_LIMITED",
                "FOUND",
                "REQUESTED",
                "FOUND",
                "REQUESTED",
                "FOUND",
                "REQUESTED");
        assertThat(audit.verify()).isEmpty();
      }
    }
  }

  private int lookup(ConfigurableApplicationContext instance, String token) throws Exception {
    String port = instance.getEnvironment().getProperty("local.server.port");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/lookups"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"citizenId\":\"001090012345\",\"purpose\":\"TREATMENT\"}"))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
