package vn.yte.iam.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP simulator of the national population database lookup API.
 *
 * <p>{@code POST /api/v1/cong-dan/tra-cuu} with {@code {"soDinhDanh":"..."}} and the API key in
 * {@code X-Api-Key}; answers 200 with the citizen, 404 when unknown, 400 for a malformed number,
 * 401 for a wrong key. {@code GET /health} answers 200. Run: {@code java -jar
 * population-simulator.jar [port] } with the key in {@code YTE_SIMULATOR_API_KEY}.
 */
public final class PopulationSimulator implements AutoCloseable {
  static final String LOOKUP_PATH = "/api/v1/cong-dan/tra-cuu";
  private static final Pattern ID_FIELD = Pattern.compile("\"soDinhDanh\"\\s*:\\s*\"([^\"]*)\"");
  private static final int MAX_BODY = 4096;

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] apiKey;
  private final AtomicLong lookups = new AtomicLong();

  private PopulationSimulator(HttpServer server, ExecutorService executor, String apiKey) {
    this.server = server;
    this.executor = executor;
    this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
  }

  public static PopulationSimulator start(String host, int port, String apiKey) throws IOException {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("An API key is required");
    }
    // The JDK server writes headers and body separately and leaves Nagle's algorithm on: the body
    // then waits for the client's delayed ACK of the headers, 40 ms on Linux, on some responses.
    // A real upstream does not do that, and the gateway benchmark measured it as gateway latency.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
    ExecutorService executor = Executors.newFixedThreadPool(16);
    PopulationSimulator simulator = new PopulationSimulator(server, executor, apiKey);
    server.createContext(LOOKUP_PATH, simulator::lookup);
    server.createContext("/health", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
    server.setExecutor(executor);
    server.start();
    return simulator;
  }

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8092;
    String host = System.getenv().getOrDefault("YTE_SIMULATOR_HOST", "127.0.0.1");
    String key = System.getenv("YTE_SIMULATOR_API_KEY");
    PopulationSimulator simulator = start(host, port, key);
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    System.out.println("Population database simulator listening on http://" + host + ":" + port);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + port();
  }

  /**
   * Number of lookups answered (any status but 401), for tests that assert a call never happened.
   */
  public long lookupCount() {
    return lookups.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void lookup(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      respond(exchange, 405, error("METHOD_NOT_ALLOWED"));
      return;
    }
    String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
    if (key == null || !MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8))) {
      respond(exchange, 401, error("UNAUTHORIZED"));
      return;
    }
    lookups.incrementAndGet();
    String body = readBody(exchange.getRequestBody());
    Matcher m = body == null ? null : ID_FIELD.matcher(body);
    if (m == null || !m.find() || !SyntheticCitizens.isWellFormed(m.group(1))) {
      respond(exchange, 400, error("INVALID_ID"));
      return;
    }
    Optional<SyntheticCitizens.Citizen> citizen = SyntheticCitizens.find(m.group(1));
    if (citizen.isEmpty()) {
      respond(exchange, 404, error("NOT_FOUND"));
      return;
    }
    respond(exchange, 200, toJson(citizen.get()));
  }

  private static String readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    return bytes.length > MAX_BODY ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static String toJson(SyntheticCitizens.Citizen c) {
    return "{\"soDinhDanh\":\""
        + c.id()
        + "\",\"hoVaTen\":\""
        + c.fullName()
        + "\",\"ngaySinh\":\""
        + c.birthDate()
        + "\",\"gioiTinh\":\""
        + c.gender()
        + "\",\"noiThuongTru\":\""
        + c.province()
        + "\",\"trangThai\":\"CON_HIEU_LUC\"}";
  }

  private static String error(String code) {
    return "{\"error\":\"" + code + "\"}";
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
