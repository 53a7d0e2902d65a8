package vn.yte.iam.mfa.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a bearer token must look like to be accepted: signed by a key from the issuer's JWKS with an
 * allowed algorithm, issued by exactly {@code issuer}, and addressed to {@code audience}.
 *
 * @param issuer expected {@code iss}, e.g. {@code https://sso.benhvien.vn/realms/benhvien}
 * @param jwkSetUri where the signing keys are published (Keycloak: {@code
 *     <issuer>/protocol/openid-connect/certs})
 * @param audience expected entry in {@code aud}
 * @param algorithms allowed JWS algorithms; never {@code none} and never an HMAC algorithm
 * @param mfaAcr {@code acr} values that mean MFA (MFA-2); Keycloak's shipped flows say "mfa"
 * @param mfaMaxAge how long after {@code auth_time} (the last login or step-up) a token is accepted
 * @param verifiedCacheTtl how long a token's verified signature is remembered (claims are checked
 *     on every use); zero verifies every request
 */
@ConfigurationProperties("yte.token")
public record TokenProperties(
    String issuer,
    String jwkSetUri,
    String audience,
    List<String> algorithms,
    List<String> mfaAcr,
    Duration mfaMaxAge,
    Duration verifiedCacheTtl) {}
