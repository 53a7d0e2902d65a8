package vn.yte.iam.keycloak.spi;

import java.nio.file.Path;
import org.keycloak.Config;

/**
 * Where operators put site files for a provider: an SPI option, else a folder of Keycloak's conf/.
 */
public final class ConfDirectory {
  private ConfDirectory() {}

  public static Path of(Config.Scope config, String option, String defaultFolder) {
    String home = System.getProperty("kc.home.dir", ".");
    return Path.of(config.get(option, Path.of(home, "conf", defaultFolder).toString()));
  }
}
