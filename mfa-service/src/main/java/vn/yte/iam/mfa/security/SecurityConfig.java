package vn.yte.iam.mfa.security;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.yte.iam.mfa.console.ConsoleProperties;

/**
 * Bearer tokens from Keycloak, validated by nimbus-jose-jwt against the realm's JWKS with issuer,
 * audience and algorithm pinned, and MFA demanded from the token's {@code acr} and {@code
 * auth_time} (MFA-2). Realm roles become authorities ({@code ROLE_<role>}).
 */
@Configuration
class SecurityConfig {
  /** Tokens whose signature is remembered at most: a few thousand staff, each with one token. */
  static final int VERIFIED_TOKENS_KEPT = 4_096;

  /** The {@code typ} claim of Keycloak's access tokens. */
  static final String ACCESS_TOKEN_TYPE = "Bearer";

  @Bean
  SecurityFilterChain api(HttpSecurity http, ConsoleProperties console) throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health/**", "/actuator/health", "/error")
                    .permitAll()
                    // the console's page, script and sign-in settings: no data without a token
                    .requestMatchers("/audit", "/audit/**")
                    .permitAll()
                    .requestMatchers("/api/v1/audit/**")
                    .hasRole("auditor")
                    .requestMatchers("/api/v1/alerts")
                    .hasAnyRole("auditor", "iam-admin")
                    .anyRequest()
                    .authenticated())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // stateless bearer-token API: no cookies to forge
        .headers(
            h ->
                h.contentSecurityPolicy(csp -> csp.policyDirectives(contentPolicy(console)))
                    // the console's address carries the authorization code for a moment
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
        .oauth2ResourceServer(
            rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(realmRolesConverter())));
    return http.build();
  }

  /**
   * Scripts, styles and data from this service only; the browser may also talk to Keycloak's token
   * endpoint. Nothing may frame the console (click-jacking).
   */
  static String contentPolicy(ConsoleProperties console) {
    URI issuer = URI.create(console.issuer());
    String keycloak =
        issuer.getScheme()
            + "://"
            + issuer.getHost()
            + (issuer.getPort() < 0 ? "" : ":" + issuer.getPort());
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " connect-src 'self' "
        + keycloak
        + "; form-action 'self' "
        + keycloak
        + "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
  }

  @Bean
  JwtDecoder jwtDecoder(TokenProperties token, Clock clock) {
    NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder =
        NimbusJwtDecoder.withJwkSetUri(token.jwkSetUri());
    for (String alg : token.algorithms()) {
      builder.jwsAlgorithm(allowedAlgorithm(alg));
    }
    NimbusJwtDecoder decoder = builder.build();
    OAuth2TokenValidator<Jwt> audience =
        new JwtClaimValidator<Collection<String>>(
            "aud", aud -> aud != null && aud.contains(token.audience()));
    OAuth2TokenValidator<Jwt> claims =
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(token.issuer()),
            audience,
            accessTokensOnly(),
            new MfaClaimsValidator(token.mfaAcr(), token.mfaMaxAge(), clock));
    if (token.verifiedCacheTtl() == null || token.verifiedCacheTtl().isZero()) {
      decoder.setJwtValidator(claims);
      return decoder;
    }
    // The decoder checks signatures only; VerifiedTokens validates the claims on every use.
    decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
    return new VerifiedTokens(
        decoder, claims, token.verifiedCacheTtl(), VERIFIED_TOKENS_KEPT, clock);
  }

  /**
   * Keycloak signs ID tokens ({@code typ} "ID") and logout tokens with the same key as access
   * tokens ("Bearer"). An ID token travels further (to the client's front end, in logout links),
   * and a realm whose audience mapper also adds this service to ID tokens would make one pass every
   * other check, so only access tokens are accepted.
   */
  static OAuth2TokenValidator<Jwt> accessTokensOnly() {
    return new JwtClaimValidator<String>("typ", ACCESS_TOKEN_TYPE::equals);
  }

  /** Only asymmetric algorithms: an HMAC "signed" with the public key must never verify. */
  static SignatureAlgorithm allowedAlgorithm(String name) {
    JWSAlgorithm alg = JWSAlgorithm.parse(name);
    if (!JWSAlgorithm.Family.SIGNATURE.contains(alg)) {
      throw new IllegalArgumentException("Token algorithm not allowed: " + name);
    }
    SignatureAlgorithm sig = SignatureAlgorithm.from(name);
    if (sig == null) {
      throw new IllegalArgumentException("Unknown token algorithm: " + name);
    }
    return sig;
  }

  private static JwtAuthenticationConverter realmRolesConverter() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setPrincipalClaimName("preferred_username");
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> {
          Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
          Object roles = realmAccess == null ? null : realmAccess.get("roles");
          if (!(roles instanceof List<?> list)) {
            return List.of();
          }
          return list.stream()
              .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
              .toList();
        });
    return converter;
  }
}
