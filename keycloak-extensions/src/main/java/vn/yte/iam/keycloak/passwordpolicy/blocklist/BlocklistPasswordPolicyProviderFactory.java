package vn.yte.iam.keycloak.passwordpolicy.blocklist;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.policy.PasswordPolicyProvider;
import vn.yte.iam.keycloak.spi.ConfDirectory;
import vn.yte.iam.keycloak.spi.PasswordPolicyFactory;

/**
 * PW-2: refuses default and simple passwords from named word lists. The policy value is a
 * comma-separated list of list names, e.g. {@code default,benhvien-tinh}. SPI option {@code
 * lists-dir} (default {@code conf/yte-password-lists} under Keycloak's home) is where operators add
 * lists.
 */
public final class BlocklistPasswordPolicyProviderFactory extends PasswordPolicyFactory {
  public static final String PROVIDER_ID = "yte-password-blocklist";
  static final String DEFAULT_LISTS = "default";

  private PasswordLists lists;

  public BlocklistPasswordPolicyProviderFactory() {
    super(
        PROVIDER_ID,
        "YTe: refuse default and simple passwords (word lists)",
        PasswordPolicyProvider.STRING_CONFIG_TYPE,
        DEFAULT_LISTS);
  }

  @Override
  public PasswordPolicyProvider create(KeycloakSession session) {
    return new BlocklistPasswordPolicyProvider(session.getContext(), lists);
  }

  @Override
  public void init(Config.Scope config) {
    lists = new PasswordLists(ConfDirectory.of(config, "listsDir", "yte-password-lists"));
  }
}
