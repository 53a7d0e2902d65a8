package vn.yte.iam.keycloak.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.http.client.config.RequestConfig;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import vn.yte.iam.keycloak.assessment.RealmFacts.IdentityProvider;
import vn.yte.iam.keycloak.assessment.RealmFacts.Probe;

/**
 * SEC-5: the identity providers a realm brokers logins from (a health department's or a hospital's
 * existing OIDC or SAML system), each tried now from the server, through Keycloak's own HTTP client
 * (its truststore and proxy settings), at the endpoints Keycloak itself calls during a brokered
 * login. One that does not answer means staff who sign in through it cannot sign in. The provider's
 * client secret is never used: nothing is signed in to.
 */
final class IdentityProviderProbe {
  /** Per endpoint: the assessment waits at most this long for one that does not answer. */
  static final int TIMEOUT_MILLIS = 5_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An endpoint to try.
   *
   * @param keys whether it must serve signing keys (a JWKS), rather than merely answer
   */
  record Endpoint(String url, boolean keys) {}

  private IdentityProviderProbe() {}

  /** The realm of the session's context: Keycloak lists that realm's identity providers. */
  static List<IdentityProvider> probe(KeycloakSession session) {
    RequestConfig timeouts =
        RequestConfig.custom()
            .setConnectTimeout(TIMEOUT_MILLIS)
            .setConnectionRequestTimeout(TIMEOUT_MILLIS)
            .setSocketTimeout(TIMEOUT_MILLIS)
            .build();
    return session
        .identityProviders()
        .getAllStream()
        .filter(IdentityProviderModel::isEnabled)
        .sorted(Comparator.comparing(IdentityProviderModel::getAlias))
        .map(model -> probe(session, timeouts, model))
        .toList();
  }

  private static IdentityProvider probe(
      KeycloakSession session, RequestConfig timeouts, IdentityProviderModel model) {
    String alias = model.getAlias();
    String provider = model.getProviderId();
    List<Endpoint> endpoints =
        endpoints(provider, model.getConfig() == null ? Map.of() : model.getConfig());
    if (endpoints.isEmpty()) {
      return new IdentityProvider(alias, provider, null, Probe.NOT_TESTED, null);
    }
    for (Endpoint endpoint : endpoints) {
      String problem;
      try (SimpleHttpResponse answer =
          SimpleHttp.create(session)
              .withRequestConfig(timeouts)
              .doGet(endpoint.url())
              .asResponse()) {
        int status = answer.getStatus();
        problem = problem(endpoint, status, endpoint.keys() ? answer.asString() : null);
      } catch (IOException | RuntimeException e) {
        problem = DirectoryProbe.reason(e);
      }
      if (problem != null) {
        return new IdentityProvider(alias, provider, endpoint.url(), Probe.FAILED, problem);
      }
    }
    return new IdentityProvider(alias, provider, endpoints.get(0).url(), Probe.CONNECTED, null);
  }

  /**
   * The endpoints Keycloak's server calls for a provider, from its configuration: for OIDC the
   * token endpoint, and the JWKS when it checks signatures with keys fetched from there; for SAML
   * the metadata it reloads, or else the sign-in service. Other kinds (a social network's login)
   * have addresses built in, outside a hospital's network: none is tried.
   */
  static List<Endpoint> endpoints(String provider, Map<String, String> config) {
    List<Endpoint> endpoints = new ArrayList<>();
    switch (provider == null ? "" : provider) {
      case "oidc", "keycloak-oidc" -> {
        add(endpoints, config.get("tokenUrl"), false);
        if (Boolean.parseBoolean(config.get("validateSignature"))
            && Boolean.parseBoolean(config.get("useJwksUrl"))) {
          add(endpoints, config.get("jwksUrl"), true);
        }
      }
      case "saml" -> {
        String metadata = config.get("metadataDescriptorUrl");
        add(
            endpoints,
            metadata == null || metadata.isBlank()
                ? config.get("singleSignOnServiceUrl")
                : metadata,
            false);
      }
      default -> {
        // Built-in addresses; nothing configured here to try.
      }
    }
    return endpoints;
  }

  private static void add(List<Endpoint> endpoints, String url, boolean keys) {
    if (url != null && !url.isBlank()) {
      endpoints.add(new Endpoint(url.strip(), keys));
    }
  }

  /**
   * What is wrong with an endpoint's answer, or null if nothing is. A token or sign-in endpoint
   * asked with a bare GET may refuse the request (400, 405) and still be there; a 404 or a server
   * error is not a working endpoint. A JWKS must be served (200) and hold at least one key, or
   * Keycloak cannot check the provider's tokens.
   */
  static String problem(Endpoint endpoint, int status, String body) {
    if (status == 404 || status >= 500 || endpoint.keys() && status != 200) {
      return "HTTP " + status;
    }
    if (!endpoint.keys()) {
      return null;
    }
    try {
      JsonNode keys = body == null ? null : JSON.readTree(body).path("keys");
      return keys != null && keys.isArray() && !keys.isEmpty() ? null : "no signing keys (JWKS)";
    } catch (JsonProcessingException e) {
      return "no signing keys (JWKS)";
    }
  }
}
