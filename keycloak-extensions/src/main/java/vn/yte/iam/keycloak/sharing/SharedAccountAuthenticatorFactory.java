package vn.yte.iam.keycloak.sharing;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.yte.iam.keycloak.spi.StepAuthenticatorFactory;

/** {@code yte-shared-account}: the browser-flow step of {@link SharedAccountAuthenticator}. */
public class SharedAccountAuthenticatorFactory extends StepAuthenticatorFactory {
  public static final String PROVIDER_ID = "yte-shared-account";

  private static final List<ProviderConfigProperty> CONFIG =
      ProviderConfigurationBuilder.create()
          .property()
          .name(SharingPolicy.ACTION)
          .label("Action on a signal")
          .helpText("flag: allow and record; terminate: end the other sessions; deny: refuse.")
          .type(ProviderConfigProperty.LIST_TYPE)
          .options("flag", "terminate", "deny")
          .defaultValue("flag")
          .add()
          .property()
          .name(SharingPolicy.IPV4_PREFIX)
          .label("Same network: IPv4 prefix bits")
          .type(ProviderConfigProperty.STRING_TYPE)
          .defaultValue("24")
          .add()
          .property()
          .name(SharingPolicy.MIN_INTERVAL)
          .label("Impossible interval (seconds)")
          .helpText("A login from another network sooner than this after the last one is flagged.")
          .type(ProviderConfigProperty.STRING_TYPE)
          .defaultValue("600")
          .add()
          .property()
          .name(SharingPolicy.MAX_DEVICES)
          .label("Devices per account")
          .helpText("More distinct browsers or clients than this within the window are flagged.")
          .type(ProviderConfigProperty.STRING_TYPE)
          .defaultValue("3")
          .add()
          .property()
          .name(SharingPolicy.WINDOW_HOURS)
          .label("History window (hours)")
          .type(ProviderConfigProperty.STRING_TYPE)
          .defaultValue("24")
          .add()
          .build();

  public SharedAccountAuthenticatorFactory() {
    this(
        PROVIDER_ID,
        "YTe: shared-account detection",
        "ACC-3: flags, ends or refuses logins that show one account used by several people.",
        false);
  }

  protected SharedAccountAuthenticatorFactory(
      String id, String displayType, String helpText, boolean directGrant) {
    super(id, displayType, helpText, new SharedAccountAuthenticator(directGrant), CONFIG);
  }
}
