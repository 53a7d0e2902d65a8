package vn.yte.iam.mfa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.yte.iam.mfa.MfaServiceApplication;
import vn.yte.iam.mfa.alert.Alert;
import vn.yte.iam.mfa.alert.AlertDetector;
import vn.yte.iam.mfa.audit.AuditEvent;
import vn.yte.iam.mfa.audit.AuditQuery;
import vn.yte.iam.mfa.audit.AuditRecord;
import vn.yte.iam.mfa.audit.AuditService;
import vn.yte.iam.mfa.audit.Checkpoints;
import vn.yte.iam.mfa.lookup.CitizenId;
import vn.yte.iam.mfa.lookup.CitizenPseudonyms;
import vn.yte.iam.testsupport.Browser;
import vn.yte.iam.testsupport.FreePorts;
import vn.yte.iam.testsupport.KeycloakServer;
import vn.yte.iam.testsupport.Totp;

/**
 * The auditor console (LOG-3, LOG-6) in real headless Chromium against the real Keycloak: the
 * auditor signs in with password and TOTP, follows a citizen to who looked them up, to that session
 * and back, sees each record's integrity badge turn to "altered" when the database is edited, and
 * every view lands in the trail (LOG-7). An account administrator sees the SEC-2 alerts and not the
 * trail. A clinician without the auditor role is refused. An answer that arrives late never
 * replaces the view the auditor asked for after it.
 */
class AuditConsoleIT {
  static final String AUDITOR = "kt.lethichi";
  static final String AUDITOR_PASSWORD = "Console-Auditor-2026!x";
  static final String ADMIN = "qt.tranthibinh";
  static final String ADMIN_PASSWORD = "Console-Admin-2026!x";
  static final Totp.Device ADMIN_DEVICE =
      new Totp.Device("Console-Admin-Totp-Key".getBytes(StandardCharsets.UTF_8));
  static final String GUESSED = "dd.phamvanduc";
  static final String CLINICIAN = "bs.nguyenvanan";
  static final String CLINICIAN_PASSWORD = "Console-Clinician-2026!x";
  static final Totp.Device AUDITOR_DEVICE =
      new Totp.Device("Console-Auditor-Totp-1".getBytes(StandardCharsets.UTF_8));
  static final Totp.Device CLINICIAN_DEVICE =
      new Totp.Device("Console-Clinician-Totp".getBytes(StandardCharsets.UTF_8));
  static final String CITIZEN = "079192034567";
  static final String LOOKUP_SESSION = "5d1c0a3e-console-session";
  static final String INJECTED = "<script>window.pwned=1</script>";
  static final String WORKSTATION = "PK-NOI-07";
  static final String OTHER_CITIZEN = "001085012345";
  static final String OTHER_SESSION = "9e7f4b21-console-other-session";
  static final String TIME_SESSION = "c2a7e915-console-time-session";

  static final int PORT = FreePorts.next();
  static final String CONSOLE = "http://127.0.0.1:" + PORT + "/audit/";
  static KeycloakServer keycloak;
  static ConfigurableApplicationContext service;

  @BeforeAll
  static void start() {
    keycloak =
        KeycloakServer.builder(KeycloakServer.distributionFromBuild())
            .provider(Path.of(System.getProperty("provider.jar")))
            .importRealm(KeycloakServer.policiesDir().resolve("realm/yte-demo-realm.json"))
            .env("YTE_AUDIT_UI_ORIGIN", "http://127.0.0.1:" + PORT)
            .env("YTE_DEMO_CLINICIAN_PASSWORD", CLINICIAN_PASSWORD)
            .env("YTE_DEMO_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env("YTE_DEMO_AUDITOR_PASSWORD", AUDITOR_PASSWORD)
            .env("YTE_MFA_SERVICE_CLIENT_SECRET", "console-secret-not-for-production")
            .env("YTE_DEMO_CLINICIAN_TOTP", "Console-Clinician-Totp")
            .env("YTE_DEMO_ADMIN_TOTP", "Console-Admin-Totp-Key")
            .env("YTE_DEMO_AUDITOR_TOTP", "Console-Auditor-Totp-1")
            .start();
    service =
        new SpringApplicationBuilder(MfaServiceApplication.class, HeldTrail.class)
            .run(
                "--server.port=" + PORT,
                "--spring.datasource.url=jdbc:h2:mem:console;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE",
                "--yte.token.issuer=" + keycloak.issuer("yte-demo"),
                "--yte.population.upstream-url=http://127.0.0.1:9",
                "--yte.population.api-key=unused",
                "--yte.population.citizen-key=console-citizen-key-0123456789abcdef",
                "--yte.audit.checkpoint.key-file=target/console-checkpoint-key.jwk.json",
                "--yte.audit.checkpoint.interval=1h",
                // No ingest; the secret lets the self-assessment ask Keycloak (SEC-6).
                "--yte.ingest.client-secret=console-secret-not-for-production");
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
  }

  @Test
  void anAuditorFollowsACitizenToTheSessionAndSeesTampering() {
    AuditService audit = service.getBean(AuditService.class);
    String citizenRef = service.getBean(CitizenPseudonyms.class).of(new CitizenId(CITIZEN));
    audit.append(event("KC_LOGIN", "SUCCESS", null, null, "pwd otp"));
    AuditRecord lookup =
        audit.append(
            event("POPULATION_LOOKUP", "FOUND", citizenRef, "TREATMENT", "request=r-1 acr=mfa"));
    audit.append(event("POPULATION_LOOKUP", "FOUND", null, INJECTED, INJECTED));

    try (Browser browser = Browser.start("vi")) {
      signIn(browser, AUDITOR, AUDITOR_PASSWORD, AUDITOR_DEVICE);
      browser.awaitPageContaining("Toàn bộ nhật ký (mới nhất trước)");
      assertThat(browser.text("#auditor")).isEqualTo(AUDITOR);

      // Who looked up this citizen? The clear ID goes to the API, never into the trail.
      browser.type("#f-citizenId", CITIZEN);
      browser.click("#search");
      browser.awaitPageContaining("Ai đã tra cứu công dân này");
      awaitRows(browser, 1);
      assertThat(browser.text("#records tbody td.user")).isEqualTo(CLINICIAN);
      assertThat(browser.text("#records tbody td.citizen")).doesNotContain("192034");
      assertThat(browser.text("#records tbody td.integrity")).isEqualTo("Toàn vẹn");
      // LOG-2: the workstation, and what the record says beyond its columns.
      assertThat(browser.text("#records tbody td.workstation")).isEqualTo(WORKSTATION);
      assertThat(browser.text("#records tbody td.detail")).isEqualTo("request=r-1 acr=mfa");
      // Codes are named in the auditor's language; the code stays in the tooltip.
      assertThat(browser.text("#records tbody td.type")).isEqualTo("Tra cứu CSDLQG về dân cư");
      assertThat(browser.present("#records tbody td.type span[title=POPULATION_LOOKUP]")).isTrue();
      assertThat(browser.text("#records tbody td.outcome")).isEqualTo("Tìm thấy");
      assertThat(browser.text("#records tbody td.purpose")).isEqualTo("Khám, chữa bệnh");
      assertThat(browser.present("#records tbody td.purpose span[title=TREATMENT]")).isTrue();

      // ...to that session: login, MFA, systems and lookups together; and back.
      browser.click("#records tbody td.session a");
      browser.awaitPageContaining("Phiên đăng nhập " + LOOKUP_SESSION);
      awaitRows(browser, 3);
      assertThat(browser.text("#records tbody tr:nth-child(3) td.type")).isEqualTo("Đăng nhập");
      assertThat(browser.text("#records tbody tr:nth-child(3) td.outcome")).isEqualTo("Thành công");
      // What callers sent is shown as text, never run as markup.
      assertThat(browser.source()).contains("&lt;script&gt;window.pwned=1&lt;/script&gt;");
      assertThat(browser.present("#records script")).isFalse();
      browser.click("#back");
      browser.awaitPageContaining("Ai đã tra cứu công dân này");

      browser.click("#verify");
      assertThat(awaitText(browser, "#verify-result.ok")).startsWith("Chuỗi nhật ký toàn vẹn");

      // Once a signed checkpoint covers it, the record is sealed.
      service.getBean(Checkpoints.class).seal();
      browser.click("#search");
      awaitRows(browser, 1);
      assertThat(browser.text("#records tbody td.integrity")).isEqualTo("Đã niêm phong");

      // A database administrator edits the lookup's purpose: the badge and the chain say so.
      service
          .getBean(JdbcClient.class)
          .sql("UPDATE audit_record SET purpose = 'RESEARCH' WHERE seq = ?")
          .param(lookup.seq())
          .update();
      browser.click("#search");
      awaitRows(browser, 1);
      assertThat(browser.text("#records tbody td.integrity")).isEqualTo("Bị sửa đổi");
      // A code the console does not know is shown as it is, never under another name.
      assertThat(browser.text("#records tbody td.purpose")).isEqualTo("RESEARCH");
      browser.click("#verify");
      assertThat(awaitText(browser, "#verify-result.error"))
          .startsWith("PHÁT HIỆN SAI LỆCH tại bản ghi #" + lookup.seq());

      browser.click("#lang-en");
      browser.awaitPageContaining("Who looked up this citizen");
      awaitRows(browser, 1);
      assertThat(browser.text("#records tbody td.integrity")).isEqualTo("Altered");
      assertThat(browser.text("#records tbody td.type")).isEqualTo("Population-database lookup");
      assertThat(browser.text("#records tbody td.outcome")).isEqualTo("Found");
    }

    // Every view, search and verification above is itself in the trail, citizen by pseudonym.
    List<AuditRecord> views =
        audit.find(new AuditQuery(AUDITOR, null, null, null, null, null, 100)).stream()
            .filter(r -> r.event().type().equals("AUDIT_VIEW"))
            .toList();
    assertThat(views).extracting(r -> r.event().detail()).anyMatch(d -> d.contains(citizenRef));
    assertThat(views).extracting(r -> r.event().detail()).anyMatch(d -> d.startsWith("verify"));
    assertThat(views).extracting(r -> r.event().detail()).noneMatch(d -> d.contains(CITIZEN));
    assertThat(views).allMatch(r -> "audit-ui".equals(r.event().clientId()));
  }

  @Test
  void aLateAnswerNeverReplacesTheViewAskedForAfterIt() throws InterruptedException {
    AuditService audit = service.getBean(AuditService.class);
    String citizenRef = service.getBean(CitizenPseudonyms.class).of(new CitizenId(OTHER_CITIZEN));
    audit.append(event(OTHER_SESSION, "KC_LOGIN", "SUCCESS", null, null, "pwd otp"));
    audit.append(
        event(
            OTHER_SESSION,
            "POPULATION_LOOKUP",
            "FOUND",
            citizenRef,
            "TREATMENT",
            "request=r-2 acr=mfa"));

    HeldTrail.FILTER.holdNextWholeTrail();
    try (Browser browser = Browser.start("vi")) {
      signIn(browser, AUDITOR, AUDITOR_PASSWORD, AUDITOR_DEVICE);
      // The console asked for the whole trail; its answer is held up, as on a slow network.
      browser.awaitPageContaining("Toàn bộ nhật ký (mới nhất trước)");
      browser.type("#f-citizenId", OTHER_CITIZEN);
      browser.click("#search");
      browser.awaitPageContaining("Ai đã tra cứu công dân này");
      awaitRows(browser, 1);

      HeldTrail.FILTER.releaseAndAwaitAnswer();
      // The whole trail's answer has been sent. Under the citizen's title there must still be
      // the citizen's one record, not every record of the trail.
      for (int i = 0; i < 20; i++) {
        Thread.sleep(100);
        assertThat(browser.present("#records tbody tr:nth-child(2)")).isFalse();
      }
      assertThat(browser.text("#view-title")).isEqualTo("Ai đã tra cứu công dân này");
      assertThat(browser.text("#records tbody td.detail")).isEqualTo("request=r-2 acr=mfa");
    }
  }

  /**
   * The table shows Vietnam time, and the time filters are read as Vietnam time too, on a
   * workstation whose clock is set to another zone: the auditor types the times the table shows.
   */
  @Test
  void timeFiltersAreVietnamTimeWhateverTheWorkstationClock() {
    AuditRecord login =
        service
            .getBean(AuditService.class)
            .append(event(TIME_SESSION, "KC_LOGIN", "SUCCESS", null, null, "pwd otp"));
    ZonedDateTime shown = login.recordedAt().atZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    DateTimeFormatter typed = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    try (Browser browser = Browser.start("vi")) {
      browser.emulateTimeZone("America/Sao_Paulo"); // UTC-3, ten hours behind Vietnam
      signIn(browser, AUDITOR, AUDITOR_PASSWORD, AUDITOR_DEVICE);
      browser.awaitPageContaining("Toàn bộ nhật ký (mới nhất trước)");
      browser.type("#f-sessionId", TIME_SESSION);
      browser.setValue("#f-from", shown.minusMinutes(5).format(typed));
      browser.setValue("#f-to", shown.plusMinutes(5).format(typed));
      browser.click("#search");
      browser.awaitPageContaining("Nhật ký theo bộ lọc");
      awaitRows(browser, 1);
      assertThat(browser.text("#records tbody td.time"))
          .contains(shown.format(DateTimeFormatter.ofPattern("HH:mm:ss")))
          .contains(shown.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));

      // From the next minute on, Vietnam time, the record is not in the window.
      browser.setValue("#f-from", shown.plusMinutes(1).format(typed));
      browser.setValue("#f-to", shown.plusMinutes(10).format(typed));
      browser.click("#search");
      browser.find("#records[data-state=loaded]");
      assertThat(browser.present("#records tbody tr")).isFalse();
      assertThat(browser.text("#empty")).isEqualTo("Không có bản ghi nào.");
    }
  }

  /** SEC-6: the unit's standing per requirement, in the auditor's language, evidence as text. */
  @Test
  void anAuditorSeesTheUnitsSelfAssessment() {
    try (Browser browser = Browser.start("vi")) {
      signIn(browser, AUDITOR, AUDITOR_PASSWORD, AUDITOR_DEVICE);
      browser.awaitPageContaining("Toàn bộ nhật ký (mới nhất trước)");
      browser.click("#show-compliance");
      browser.find("#compliance[data-state=loaded] tbody tr:nth-child(24)");
      assertThat(browser.present("#compliance tbody tr:nth-child(25)")).isFalse();
      assertThat(browser.text("#compliance-summary")).startsWith("Đơn vị yte-demo, đánh giá lúc");
      String mfa1 = "#compliance tr[data-requirement='MFA-1']";
      assertThat(browser.text(mfa1 + " td.status")).isEqualTo("Đạt");
      assertThat(browser.text(mfa1 + " td.detail"))
          .contains("Mọi đăng nhập qua luồng trình duyệt yte-browser phải nhập mã OTP (keycloak)");
      // This test's mfa-service pulls no events: LOG-1 is not met, and says why.
      String log1 = "#compliance tr[data-requirement='LOG-1']";
      assertThat(browser.text(log1 + " td.status")).isEqualTo("Chưa đạt");
      assertThat(browser.text(log1 + " td.detail"))
          .contains("mfa-service không kéo sự kiện từ Keycloak (YTE_INGEST_ENABLED=false)");

      browser.click("#lang-en");
      browser.awaitPageContaining("Self-assessment against the requirements (SEC-6)");
      browser.find("#compliance[data-state=loaded] tbody tr:nth-child(24)");
      assertThat(browser.text(mfa1 + " td.status")).isEqualTo("Met");
      assertThat(browser.text("#compliance-summary")).startsWith("Unit yte-demo, assessed");
    }
  }

  /**
   * SEC-2: an account administrator signs in to the alerts, not to the trail, and reads each alert
   * in their own language throughout; switching language rewrites the alerts already shown.
   */
  @Test
  void anAccountAdministratorSeesTheAlertsInTheirLanguageAndNotTheTrail() {
    AuditService audit = service.getBean(AuditService.class);
    for (int i = 0; i < 5; i++) {
      audit.append(
          new AuditEvent(
              "KC_LOGIN_ERROR",
              "invalid_user_credentials",
              null,
              GUESSED,
              null,
              "his-demo",
              "10.20.30.99",
              null,
              null,
              null,
              null,
              null));
    }
    service.getBean(AlertDetector.class).scanOnce();
    AuditRecord alert =
        audit.latest(Alert.TYPE, 20).stream()
            .filter(r -> GUESSED.equals(r.event().actorUsername()))
            .findFirst()
            .orElseThrow();
    String row = "#alerts tr[data-seq='" + alert.seq() + "']";

    try (Browser browser = Browser.start("vi")) {
      signIn(browser, ADMIN, ADMIN_PASSWORD, ADMIN_DEVICE);
      browser.find("#alerts[data-state=loaded] tr[data-seq='" + alert.seq() + "']");
      assertThat(browser.text(row + " td.kind")).isEqualTo("Dò mật khẩu");
      assertThat(browser.text(row + " td.message"))
          .isEqualTo("Dò mật khẩu tài khoản " + GUESSED + ": 5 lần đăng nhập sai trong 10 phút");
      assertThat(browser.present("#no-alerts:not([hidden])")).isFalse();
      // The trail stays closed: no filters, no records.
      assertThat(browser.present("#console[hidden]")).isTrue();
      assertThat(browser.present("#records tbody tr")).isFalse();

      browser.click("#lang-en");
      browser.awaitPageContaining("Password guessing against account " + GUESSED);
      browser.find("#alerts[data-state=loaded] tr[data-seq='" + alert.seq() + "']");
      assertThat(browser.text(row + " td.kind")).isEqualTo("Password guessing");
    }

    // LOG-7: the administrator read alerts, twice, and nothing else.
    assertThat(
            audit.find(new AuditQuery(ADMIN, null, null, null, null, null, 100)).stream()
                .filter(r -> r.event().type().equals("AUDIT_VIEW"))
                .map(r -> r.event().detail()))
        .containsExactly("alerts", "alerts");
  }

  @Test
  void aClinicianIsRefusedTheConsole() {
    try (Browser browser = Browser.start("vi")) {
      signIn(browser, CLINICIAN, CLINICIAN_PASSWORD, CLINICIAN_DEVICE);
      assertThat(awaitText(browser, "#status.error"))
          .isEqualTo("Tài khoản này không có vai trò kiểm toán viên.");
      assertThat(browser.present("#records tbody tr")).isFalse();
    }
  }

  private static void signIn(
      Browser browser, String username, String password, Totp.Device device) {
    browser.open(CONSOLE);
    browser.type("#username", username);
    browser.type("#password", password);
    browser.click("#kc-login");
    browser.type("#otp", device.nextCode());
    browser.click("#kc-login");
    browser.awaitUrlContaining(CONSOLE);
  }

  private static void awaitRows(Browser browser, int count) {
    browser.find("#records[data-state=loaded] tbody tr:nth-child(" + count + ")");
    assertThat(browser.present("#records tbody tr:nth-child(" + (count + 1) + ")")).isFalse();
  }

  /** Waits for the element, then for it to hold text (the answer arrives after the click). */
  private static String awaitText(Browser browser, String css) {
    browser.find(css);
    return browser.text(css);
  }

  private static AuditEvent event(
      String type, String outcome, String citizenRef, String purpose, String detail) {
    return event(LOOKUP_SESSION, type, outcome, citizenRef, purpose, detail);
  }

  private static AuditEvent event(
      String session,
      String type,
      String outcome,
      String citizenRef,
      String purpose,
      String detail) {
    return new AuditEvent(
        type,
        outcome,
        "3f0b8a2c-clinician",
        CLINICIAN,
        session,
        "his-demo",
        "10.20.30.40",
        WORKSTATION,
        citizenRef,
        citizenRef == null ? null : "079*******67",
        purpose,
        detail);
  }

  /**
   * Added to the service's sources (not a scanned component, so other tests' services never see
   * it): can hold the console's next request for the whole trail until the test lets it go, so that
   * its answer arrives after that of a view asked for later.
   */
  static class HeldTrail {
    static final Hold FILTER = new Hold();

    @Bean
    FilterRegistrationBean<Hold> heldTrail() {
      FilterRegistrationBean<Hold> registration = new FilterRegistrationBean<>(FILTER);
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }

    static final class Hold extends OncePerRequestFilter {
      private final AtomicBoolean armed = new AtomicBoolean();
      private volatile CountDownLatch gate = new CountDownLatch(0);
      private volatile CountDownLatch answered = new CountDownLatch(0);

      void holdNextWholeTrail() {
        gate = new CountDownLatch(1);
        answered = new CountDownLatch(1);
        armed.set(true);
      }

      /**
       * Lets the held request go on and waits until its answer is sent (fails if none was held).
       */
      void releaseAndAwaitAnswer() throws InterruptedException {
        gate.countDown();
        assertThat(answered.await(30, TimeUnit.SECONDS)).as("the held answer was sent").isTrue();
      }

      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        boolean wholeTrail =
            request.getRequestURI().equals("/api/v1/audit/records")
                && "limit=200".equals(request.getQueryString());
        if (!wholeTrail || !armed.compareAndSet(true, false)) {
          chain.doFilter(request, response);
          return;
        }
        try {
          gate.await(30, TimeUnit.SECONDS);
          chain.doFilter(request, response);
          response.flushBuffer();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          answered.countDown();
        }
      }
    }
  }
}
