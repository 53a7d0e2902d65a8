package vn.yte.iam.mfa.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the auditor console's browser code signs in (LOG-6).
 *
 * @param issuer the realm URL as the auditor's browser reaches it (usually the token issuer)
 * @param clientId the public Keycloak client of the console (authorization code with PKCE)
 */
@ConfigurationProperties("yte.console")
public record ConsoleProperties(String issuer, String clientId) {}
