package vn.yte.iam.keycloak.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.yte.iam.testsupport.KeycloakServer;
import vn.yte.iam.testsupport.Totp;

/**
 * Server CPU per browser login with password and TOTP (authorization code flow: login page,
 * password form, OTP form, code exchange), vanilla Keycloak (stock browser flow, which asks users
 * with an authenticator for a code) vs Keycloak with our jar and the shipped realm (moh-2021
 * policy, yte-browser level-of-authentication flow with TOTP required and a client demanding the
 * step-up level, replay-safe OTP form, expiry, end-date and shared-account steps, user-profile
 * validators), A/B in one run over several restarts because JIT state makes a single boot
 * unreliable. CPU is the Keycloak JVM's user+system time, read from the OS before and after the
 * measured logins.
 *
 * <p>Arguments: rounds (default 3), measured logins per boot (300), warm-up logins (150), and
 * optionally {@code cheap-hash}.
 */
public final class LoginCpuBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REALM = "bench";
  private static final String CLIENT = "bench-client";
  private static final String REDIRECT = "http://127.0.0.1/callback";
  private static final String PASSWORD = "Rung-Tram#Xanh-Mai-4";
  private static final int USERS = 20;
  private static final Pattern FORM_ACTION =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
  private static final Pattern OTP_ACTION =
      Pattern.compile("<form[^>]*id=\"kc-otp-login-form\"[^>]*action=\"([^\"]+)\"");
  private static final String TOTP_KEY = "Bench-Totp-Key-000001";
  private static boolean cheapHash;

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 150;
    // "cheap-hash": both variants store passwords with one PBKDF2 iteration, so that what is
    // measured is the flow around the hash (ours vs stock), not Argon2's boot-to-boot spread.
    cheapHash = args.length > 3 && "cheap-hash".equals(args[3]);
    Path dist = KeycloakServer.distributionFromBuild();
    Path work = Path.of(System.getProperty("build.dir", "target"), "bench");
    Path vanillaHome = copyDistribution(dist, work.resolve("vanilla"));
    Path yteHome = copyDistribution(dist, work.resolve("yte"));
    Path demoRealm = KeycloakServer.policiesDir().resolve("realm/yte-demo-realm.json");
    Path vanillaRealm = writeRealm(work.resolve("realm-vanilla.json"), demoRealm, false);
    Path yteRealm = writeRealm(work.resolve("realm-yte.json"), demoRealm, true);
    Path jar = Path.of(System.getProperty("provider.jar"));

    Map<String, List<Double>> results = new java.util.LinkedHashMap<>();
    results.put("vanilla", new ArrayList<>());
    results.put("yte", new ArrayList<>());
    for (int round = 1; round <= rounds; round++) {
      List<String> order = round % 2 == 1 ? List.of("vanilla", "yte") : List.of("yte", "vanilla");
      for (String variant : order) {
        KeycloakServer.Builder builder =
            KeycloakServer.builder(variant.equals("yte") ? yteHome : vanillaHome)
                .importRealm(variant.equals("yte") ? yteRealm : vanillaRealm)
                .logDir(work);
        if (variant.equals("yte")) {
          builder.provider(jar);
        }
        // -Dbench.jfr=/tmp/login: a flight recording per variant, to find where the CPU goes.
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null) {
          builder.env(
              "JAVA_OPTS_APPEND",
              "-XX:StartFlightRecording=settings=profile,filename=" + jfr + "-" + variant + ".jfr");
        }
        try (KeycloakServer server = builder.start()) {
          for (int i = 0; i < warmup; i++) {
            login(server, i);
          }
          long before = cpuNanos(server.pid());
          for (int i = 0; i < measured; i++) {
            login(server, i);
          }
          double msPerLogin = (cpuNanos(server.pid()) - before) / 1e6 / measured;
          results.get(variant).add(msPerLogin);
          System.out.printf(
              Locale.ROOT, "round %d %-7s %.2f ms CPU/login%n", round, variant, msPerLogin);
        }
      }
    }
    double vanilla = median(results.get("vanilla"));
    double yte = median(results.get("yte"));
    System.out.printf(
        Locale.ROOT,
        "median vanilla %.2f ms, yte %.2f ms, ratio %.3f (target <= 1.05)%n",
        vanilla,
        yte,
        yte / vanilla);
    System.out.printf(
        Locale.ROOT,
        "all vanilla %s%nall yte     %s%n",
        fmt(results.get("vanilla")),
        fmt(results.get("yte")));
  }

  /** One full browser login with a fresh cookie jar; fails loudly if any step misbehaves. */
  private static void login(KeycloakServer server, int i) throws IOException, InterruptedException {
    // Keycloak marks its cookies Secure; Java's cookie manager will not send those over plain
    // HTTP to loopback (browsers do), so the bench keeps its own jar.
    Map<String, String> cookies = new java.util.LinkedHashMap<>();
    String auth =
        server.issuer(REALM)
            + "/protocol/openid-connect/auth?client_id="
            + CLIENT
            + "&response_type=code&scope=openid&redirect_uri="
            + enc(REDIRECT);
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(auth)), cookies);
    Matcher form = FORM_ACTION.matcher(page.body());
    if (page.statusCode() != 200 || !form.find()) {
      throw new IllegalStateException("No login form: " + page.statusCode());
    }
    String action = form.group(1).replace("&amp;", "&");
    HttpResponse<String> posted =
        send(
            HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + enc("bench.user" + (i % USERS))
                            + "&password="
                            + enc(PASSWORD)
                            + "&credentialId=")),
            cookies);
    Matcher otpForm = OTP_ACTION.matcher(posted.body());
    if (posted.statusCode() == 200 && otpForm.find()) {
      String code = Totp.code(TOTP_KEY.getBytes(StandardCharsets.UTF_8), java.time.Instant.now());
      posted =
          send(
              HttpRequest.newBuilder(URI.create(otpForm.group(1).replace("&amp;", "&")))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("otp=" + code)),
              cookies);
    }
    String location = posted.headers().firstValue("Location").orElse("");
    Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
    if (posted.statusCode() != 302 || !code.find()) {
      throw new IllegalStateException(
          "Login did not redirect with a code: " + posted.statusCode() + " " + location);
    }
    HttpResponse<String> token =
        send(
            HttpRequest.newBuilder(
                    URI.create(server.issuer(REALM) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=authorization_code&client_id="
                            + CLIENT
                            + "&code="
                            + code.group(1)
                            + "&redirect_uri="
                            + enc(REDIRECT))),
            cookies);
    if (token.statusCode() != 200) {
      throw new IllegalStateException("Code exchange failed: " + token.body());
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private static HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies)
      throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return response;
  }

  /** CPU time of the process and all its descendants (kc.sh starts the JVM as a child). */
  private static long cpuNanos(long pid) {
    ProcessHandle root = ProcessHandle.of(pid).orElseThrow();
    return Stream.concat(Stream.of(root), root.descendants())
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum();
  }

  /**
   * The demo realm reduced to what a login touches, with bench users and a public client. The
   * vanilla variant keeps Keycloak's stock flows and the closest stock password policy.
   */
  private static Path writeRealm(Path target, Path demoRealm, boolean yte) throws IOException {
    ObjectNode realm = (ObjectNode) JSON.readTree(demoRealm.toFile());
    realm.put("realm", REALM);
    realm.remove("clients");
    realm.remove("roles");
    realm.put("bruteForceProtected", true);
    // 20 users log in several times a second with one key: both variants accept a code again
    // within its window, so the bench measures logins, not replay refusals.
    realm.put("otpPolicyCodeReusable", true);
    if (!yte) {
      realm.remove(List.of("authenticationFlows", "browserFlow", "directGrantFlow", "attributes"));
      withoutOurValidators(realm);
      realm.put(
          "passwordPolicy",
          "length(8) and upperCase(1) and lowerCase(1) and digits(1) and specialChars(1)"
              + " and notUsername(undefined) and passwordHistory(5) and forceExpiredPasswordChange(180)");
    }
    if (cheapHash) {
      realm.put(
          "passwordPolicy",
          realm.get("passwordPolicy").asText()
              + " and hashAlgorithm(pbkdf2-sha256) and hashIterations(1)");
    }
    ArrayNode clients = realm.putArray("clients");
    ObjectNode client = clients.addObject();
    client
        .put("clientId", CLIENT)
        .put("enabled", true)
        .put("publicClient", true)
        .put("standardFlowEnabled", true);
    client.putArray("redirectUris").add(REDIRECT);
    if (yte) {
      // As a population-database client: demands the step-up level (MFA-2), so the login runs
      // all three levels of the shipped flow.
      client.putObject("attributes").put("minimum.acr.value", "mfa-fresh");
    }
    ArrayNode users = realm.putArray("users");
    for (int i = 0; i < USERS; i++) {
      ObjectNode user = users.addObject();
      user.put("username", "bench.user" + i)
          .put("enabled", true)
          .put("firstName", "Bench")
          .put("lastName", "User " + i);
      user.put("email", "bench.user" + i + "@benhvien-demo.vn").put("emailVerified", true);
      user.putObject("attributes")
          .putArray("cccd")
          .add(String.format(Locale.ROOT, "001090%06d", 500_000 + i));
      ArrayNode credentials = user.putArray("credentials");
      credentials
          .addObject()
          .put("type", "password")
          .put("value", PASSWORD)
          .put("temporary", false);
      credentials
          .addObject()
          .put("type", "otp")
          .put("secretData", "{\"value\":\"" + TOTP_KEY + "\"}")
          .put(
              "credentialData",
              "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
    }
    Files.createDirectories(target.getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), realm);
    return target;
  }

  /** Vanilla Keycloak does not know our user-profile validators; its realm keeps the rest. */
  private static void withoutOurValidators(ObjectNode realm) throws IOException {
    ObjectNode provider =
        (ObjectNode)
            realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0);
    ArrayNode raw = (ArrayNode) provider.get("config").get("kc.user.profile.config");
    ObjectNode profile = (ObjectNode) JSON.readTree(raw.get(0).asText());
    for (var attribute : profile.get("attributes")) {
      var validations = (ObjectNode) attribute.get("validations");
      if (validations != null) {
        List<String> ours = new ArrayList<>();
        validations
            .fieldNames()
            .forEachRemaining(
                n -> {
                  if (n.startsWith("yte-")) ours.add(n);
                });
        validations.remove(ours);
      }
    }
    raw.set(0, JSON.getNodeFactory().textNode(JSON.writeValueAsString(profile)));
  }

  private static Path copyDistribution(Path dist, Path target) throws IOException {
    if (Files.isExecutable(target.resolve("bin/kc.sh"))) {
      return target;
    }
    try (Stream<Path> files = Files.walk(dist)) {
      for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
        Path to = target.resolve(dist.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else if (!p.startsWith(dist.resolve("providers"))
            && !p.startsWith(dist.resolve("data"))) {
          Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String fmt(List<Double> values) {
    return values.stream()
        .map(v -> String.format(Locale.ROOT, "%.2f", v))
        .collect(Collectors.joining(", "));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
