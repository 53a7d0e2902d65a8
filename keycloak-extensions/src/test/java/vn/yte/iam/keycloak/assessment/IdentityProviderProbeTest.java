package vn.yte.iam.keycloak.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.yte.iam.keycloak.assessment.IdentityProviderProbe.Endpoint;

/** SEC-5: which endpoints of an identity provider are tried, and which answers mean it works. */
class IdentityProviderProbeTest {
  static final String TOKEN = "https://sso.soyte.vn/realms/so-y-te/protocol/openid-connect/token";
  static final String JWKS = "https://sso.soyte.vn/realms/so-y-te/protocol/openid-connect/certs";

  @Test
  void anOidcProviderIsTriedAtItsTokenEndpointAndAtItsKeysWhenSignaturesAreCheckedWithThem() {
    Map<String, String> config =
        Map.of(
            "tokenUrl", TOKEN,
            "jwksUrl", JWKS,
            "validateSignature", "true",
            "useJwksUrl", "true",
            "authorizationUrl", "https://sso.soyte.vn/auth");
    assertThat(IdentityProviderProbe.endpoints("keycloak-oidc", config))
        .containsExactly(new Endpoint(TOKEN, false), new Endpoint(JWKS, true));
    // Keys pasted into the configuration, or no signature check: the JWKS is not called.
    assertThat(
            IdentityProviderProbe.endpoints(
                "oidc", Map.of("tokenUrl", TOKEN, "jwksUrl", JWKS, "validateSignature", "true")))
        .containsExactly(new Endpoint(TOKEN, false));
  }

  @Test
  void aSamlProviderIsTriedAtItsMetadataOrElseItsSignInService() {
    String sso = "https://adfs.benhvien.vn/adfs/ls/";
    String metadata = "https://adfs.benhvien.vn/FederationMetadata/2007-06/FederationMetadata.xml";
    assertThat(IdentityProviderProbe.endpoints("saml", Map.of("singleSignOnServiceUrl", sso)))
        .containsExactly(new Endpoint(sso, false));
    assertThat(
            IdentityProviderProbe.endpoints(
                "saml", Map.of("singleSignOnServiceUrl", sso, "metadataDescriptorUrl", metadata)))
        .containsExactly(new Endpoint(metadata, false));
  }

  @Test
  void aSocialLoginOrAnEmptyConfigurationHasNothingToTry() {
    assertThat(IdentityProviderProbe.endpoints("google", Map.of("clientId", "x"))).isEmpty();
    assertThat(IdentityProviderProbe.endpoints("oidc", Map.of("tokenUrl", " "))).isEmpty();
    assertThat(IdentityProviderProbe.endpoints(null, Map.of())).isEmpty();
  }

  @Test
  void anEndpointThatIsThereMayRefuseABareRequest() {
    Endpoint token = new Endpoint(TOKEN, false);
    assertThat(IdentityProviderProbe.problem(token, 405, null)).isNull();
    assertThat(IdentityProviderProbe.problem(token, 400, null)).isNull();
    assertThat(IdentityProviderProbe.problem(token, 200, null)).isNull();
    assertThat(IdentityProviderProbe.problem(token, 404, null)).isEqualTo("HTTP 404");
    assertThat(IdentityProviderProbe.problem(token, 502, null)).isEqualTo("HTTP 502");
  }

  @Test
  void keysMustBeServedAndHoldAKey() {
    Endpoint keys = new Endpoint(JWKS, true);
    assertThat(IdentityProviderProbe.problem(keys, 200, "{\"keys\":[{\"kid\":\"a\"}]}")).isNull();
    assertThat(IdentityProviderProbe.problem(keys, 200, "{\"keys\":[]}"))
        .isEqualTo("no signing keys (JWKS)");
    assertThat(IdentityProviderProbe.problem(keys, 200, "<html>sign in</html>"))
        .isEqualTo("no signing keys (JWKS)");
    assertThat(IdentityProviderProbe.problem(keys, 200, null)).isEqualTo("no signing keys (JWKS)");
    assertThat(IdentityProviderProbe.problem(keys, 401, "{\"keys\":[{}]}")).isEqualTo("HTTP 401");
  }
}
