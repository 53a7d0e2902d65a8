package vn.yte.iam.keycloak.sharing;

/** {@code yte-shared-account-direct-grant}: the same detection for the direct grant. */
public final class SharedAccountDirectGrantAuthenticatorFactory
    extends SharedAccountAuthenticatorFactory {
  public static final String PROVIDER_ID = "yte-shared-account-direct-grant";

  public SharedAccountDirectGrantAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "YTe: shared-account detection (direct grant)",
        "ACC-3 for the direct grant: a refusal is a 400 invalid_grant.",
        true);
  }
}
