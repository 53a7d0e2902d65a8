package vn.yte.iam.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Real headless Chromium driven through ChromeDriver's W3C WebDriver protocol. The Debian packages
 * {@code chromium} and {@code chromium-driver} must be installed ({@code .ci/run} does that).
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final Process driver;
  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  private Browser(Process driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  public static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Starts ChromeDriver and one headless Chromium session with the given UI language. */
  public static Browser start(String language) {
    if (!installed()) {
      throw new IllegalStateException("Install Debian packages chromium and chromium-driver");
    }
    int port = FreePorts.next();
    Process process;
    try {
      process =
          new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start chromedriver", e);
    }
    String driverUrl = "http://127.0.0.1:" + port;
    Browser probe = new Browser(process, driverUrl);
    probe.awaitDriver();
    Map<String, Object> options =
        Map.of(
            "binary",
            CHROMIUM.toString(),
            "args",
            List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--lang=" + language),
            "prefs",
            Map.of("intl.accept_languages", language));
    Map<?, ?> created =
        (Map<?, ?>)
            probe.call(
                "POST",
                "/session",
                Map.of(
                    "capabilities",
                    Map.of(
                        "alwaysMatch",
                        Map.of("browserName", "chrome", "goog:chromeOptions", options))));
    return new Browser(process, driverUrl + "/session/" + created.get("sessionId"));
  }

  /**
   * Navigates to the URL. A page that ends on an unreachable address (an OAuth callback nobody
   * listens on) is not an error: the address bar still shows where the browser was sent.
   */
  public void open(String url) {
    try {
      call("POST", "/url", Map.of("url", url));
    } catch (IllegalStateException e) {
      if (!String.valueOf(e.getMessage()).contains("net::ERR_CONNECTION_REFUSED")) {
        throw e;
      }
    }
  }

  /**
   * Sends these headers with every request from now on, through the DevTools protocol. Tests use it
   * to stand behind a proxy's {@code X-Forwarded-For}, so that two browsers on one machine come
   * from two workstations as the server sees them.
   */
  public void sendHeaders(Map<String, String> headers) {
    devTools("Network.enable", Map.of());
    devTools("Network.setExtraHTTPHeaders", Map.of("headers", headers));
  }

  /**
   * Runs the page as if the workstation's clock were set to this time zone (an IANA id), through
   * the DevTools protocol, whatever the machine running the test is set to.
   */
  public void emulateTimeZone(String zoneId) {
    devTools("Emulation.setTimezoneOverride", Map.of("timezoneId", zoneId));
  }

  /** One command of the DevTools protocol, through ChromeDriver. */
  private void devTools(String command, Map<String, ?> params) {
    call("POST", "/goog/cdp/execute", Map.of("cmd", command, "params", params));
  }

  public String url() {
    return (String) call("GET", "/url", null);
  }

  public String source() {
    return (String) call("GET", "/source", null);
  }

  public void deleteCookies() {
    call("DELETE", "/cookie", null);
  }

  /** Waits for an element matching the CSS selector and returns its WebDriver id. */
  public String find(String css) {
    return await(
        "an element " + css,
        () -> {
          List<?> found = elements(css);
          return found.isEmpty() ? null : (String) ((Map<?, ?>) found.get(0)).get(ELEMENT);
        });
  }

  public boolean present(String css) {
    return !elements(css).isEmpty();
  }

  /** Waits until one of the selectors matches, and returns the first that does. */
  public String awaitAny(String... css) {
    return await(
        "any of " + List.of(css),
        () -> {
          for (String selector : css) {
            if (present(selector)) {
              return selector;
            }
          }
          return null;
        });
  }

  /** Waits until nothing matches the selector any more (e.g. a form was accepted). */
  public void awaitAbsent(String css) {
    await("no element " + css, () -> present(css) ? null : Boolean.TRUE);
  }

  private List<?> elements(String css) {
    return (List<?>) call("POST", "/elements", Map.of("using", "css selector", "value", css));
  }

  public void type(String css, String text) {
    String id = find(css);
    call("POST", "/element/" + id + "/clear", Map.of());
    call("POST", "/element/" + id + "/value", Map.of("text", text));
  }

  /**
   * Sets a form field's value as the page would read it: for fields whose typing depends on the
   * browser's locale, such as {@code datetime-local}.
   */
  public void setValue(String css, String value) {
    Map<String, String> element = Map.of(ELEMENT, find(css));
    call(
        "POST",
        "/execute/sync",
        Map.of("script", "arguments[0].value = arguments[1];", "args", List.of(element, value)));
  }

  public void click(String css) {
    call("POST", "/element/" + find(css) + "/click", Map.of());
  }

  public String text(String css) {
    return (String) call("GET", "/element/" + find(css) + "/text", null);
  }

  /** Waits until the current URL contains the fragment, and returns the URL. */
  public String awaitUrlContaining(String fragment) {
    return await(
        "a URL containing " + fragment,
        () -> {
          String url = url();
          return url.contains(fragment) ? url : null;
        });
  }

  /** Waits until the page source contains the text, and returns the source. */
  public String awaitPageContaining(String text) {
    return await(
        "a page containing " + text,
        () -> {
          String source = source();
          return source.contains(text) ? source : null;
        });
  }

  /** Polls {@code probe} until it returns non-null, failing with the page after {@link #WAIT}. */
  private <T> T await(String what, java.util.function.Supplier<T> probe) {
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "Waited in vain for " + what + " on " + url() + ":\n" + source());
      }
      pause();
    }
  }

  private void awaitDriver() {
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"ready\":true")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (Instant.now().isAfter(deadline) || !driver.isAlive()) {
        throw new IllegalStateException("chromedriver did not start");
      }
      pause();
    }
  }

  private Object call(String method, String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(Json.write(body)));
    request.header("Content-Type", "application/json");
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Map<?, ?> json = (Map<?, ?>) Json.parse(response.body());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "WebDriver " + method + " " + path + ": " + json.get("value"));
      }
      return json.get("value");
    } catch (IOException e) {
      throw new IllegalStateException("WebDriver " + method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      call("DELETE", "", null);
    } catch (RuntimeException e) {
      // the session may already be gone; the driver is stopped below either way
    }
    driver.destroy();
  }
}
