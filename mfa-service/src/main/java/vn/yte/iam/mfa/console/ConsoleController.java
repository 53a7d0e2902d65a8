package vn.yte.iam.mfa.console;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

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

  /** Where to sign in. Public: it holds no secret, only what the login page's address shows. */
  @GetMapping("/audit/config")
  @ResponseBody
  Map<String, String> config() {
    return Map.of("issuer", console.issuer(), "clientId", console.clientId());
  }
}
