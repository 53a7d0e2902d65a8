package vn.yte.iam.mfa.lookup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keyed pseudonyms (HMAC-SHA-256) for citizen ids in the audit log (LOG-7). An auditor who knows
 * the id can still find "who looked up this person"; someone with only a copy of the log cannot
 * enumerate the 10^12 possible ids without the key.
 */
@Component
public class CitizenPseudonyms {
  private final SecretKeySpec key;

  CitizenPseudonyms(PopulationProperties properties) {
    this.key =
        new SecretKeySpec(properties.citizenKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String of(CitizenId id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(id.value().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
