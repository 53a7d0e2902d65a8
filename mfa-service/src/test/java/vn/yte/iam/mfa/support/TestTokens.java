package vn.yte.iam.mfa.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Locally signed tokens shaped like Keycloak's, and a JWKS endpoint publishing the public key, so
 * token validation is tested without a Keycloak server.
 */
public final class TestTokens implements AutoCloseable {
  public static final String ISSUER = "http://127.0.0.1/realms/yte-test";
  public static final String AUDIENCE = "mfa-service";

  private final RSAKey key;
  private final HttpServer jwks;

  public TestTokens() {
    try {
      key = new RSAKeyGenerator(2048).keyID("test-key").generate();
      byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
      jwks.createContext(
          "/certs",
          exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      jwks.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String jwksUri() {
    return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs";
  }

  /** Claims of a fresh MFA login for {@code username} holding {@code roles}. */
  public JWTClaimsSet.Builder claims(String username, String... roles) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(List.of(AUDIENCE, "account"))
        .subject("sub-" + username)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("typ", "Bearer")
        .claim("azp", "his-demo")
        .claim("sid", "sid-" + username)
        .claim("preferred_username", username)
        .claim("acr", "mfa")
        .claim("amr", List.of("pwd", "otp"))
        .claim("auth_time", now.getEpochSecond())
        .claim("realm_access", Map.of("roles", List.of(roles)));
  }

  public String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String token(String username, String... roles) {
    return sign(claims(username, roles).build());
  }

  /** The "alg: none" attack: an unsigned token. */
  public String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  /** The key-confusion attack: HS256 keyed with the public key's encoding. */
  public String hmacWithPublicKey(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
      byte[] secret = key.toRSAPublicKey().getEncoded();
      jwt.sign(new MACSigner(pad(secret)));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] pad(byte[] secret) {
    return secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32);
  }

  @Override
  public void close() {
    jwks.stop(0);
  }
}
