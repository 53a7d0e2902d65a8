package vn.yte.iam.mfa.console;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.yte.iam.mfa.lookup.Purpose;

/**
 * The auditor console (LOG-6): static pages under {@code /audit/} that sign the auditor in at
 * Keycloak and read the trail through the auditor API, so every view is logged there (LOG-7).
 */
@Controller
class ConsoleController {
  private final ConsoleProperties console;

  ConsoleController(ConsoleProperties console) {
    this.console = console;
  }

  @GetMapping({"/audit", "/audit/"})
  String page() {
    return "forward:/audit/index.html";
  }

  /**
   * Where to sign in, and the name of each purpose of use in both languages, from the one list the
   * lookup API accepts. Public: it holds no secret, only what the login page's address shows.
   */
  @GetMapping("/audit/config")
  @ResponseBody
  Map<String, Object> config() {
    Map<String, Map<String, String>> purposes = new LinkedHashMap<>();
    Arrays.stream(Purpose.values())
        .forEach(p -> purposes.put(p.name(), Map.of("vi", p.labelVi, "en", p.labelEn)));
    return Map.of("issuer", console.issuer(), "clientId", console.clientId(), "purposes", purposes);
  }
}
