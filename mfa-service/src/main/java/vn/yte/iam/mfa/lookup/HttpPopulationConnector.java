package vn.yte.iam.mfa.lookup;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * JSON over HTTP to the population-database API (or its simulator) at a configurable URL.
 *
 * <p>Blocking I/O on the request's own thread over a pool of keep-alive connections: the JDK's
 * asynchronous client handed each answer from its selector thread to a worker and then to the
 * waiting request, two thread switches per lookup that queue for the CPU under load. The pool is
 * bounded ({@code max-connections}), so a burst cannot open more connections to the national
 * database than that; a lookup that waits longer than the timeout for one is an upstream error.
 */
@Component
class HttpPopulationConnector implements PopulationConnector, AutoCloseable {
  static final String LOOKUP_PATH = "/api/v1/cong-dan/tra-cuu";
  static final int MAX_ANSWER = 64 * 1024;

  private final PopulationProperties properties;
  private final CloseableHttpClient http;

  HttpPopulationConnector(PopulationProperties properties) {
    this.properties = properties;
    Timeout timeout = Timeout.of(properties.timeout());
    PoolingHttpClientConnectionManager pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(properties.maxConnections())
            .setMaxConnPerRoute(properties.maxConnections())
            .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(timeout)
                    .setSocketTimeout(timeout)
                    // a connection the upstream may have closed while idle is checked first
                    .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                    .build())
            .build();
    this.http =
        HttpClients.custom()
            .setConnectionManager(pool)
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(timeout)
                    .setResponseTimeout(timeout)
                    .build())
            // each lookup is audited once and sent once; a failure is audited, not retried
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .evictIdleConnections(TimeValue.ofSeconds(30))
            .build();
  }

  @Override
  public Optional<CitizenSummary> lookup(CitizenId id, String requestId) {
    HttpPost request = new HttpPost(properties.upstreamUrl() + LOOKUP_PATH);
    request.setHeader("X-Api-Key", properties.apiKey());
    request.setHeader("X-Request-Id", requestId);
    request.setEntity(
        new StringEntity("{\"soDinhDanh\":\"" + id.value() + "\"}", ContentType.APPLICATION_JSON));
    try {
      return http.execute(
          request,
          response ->
              switch (response.getCode()) {
                case 200 -> Optional.of(parse(body(response.getEntity())));
                case 404 -> Optional.empty();
                default -> throw new UpstreamException("upstream status " + response.getCode());
              });
    } catch (IOException e) {
      throw new UpstreamException("upstream unreachable: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * The answer's body, read no further than {@link #MAX_ANSWER}: one citizen's summary is a few
   * hundred bytes, and an upstream that sends more must not fill this service's memory.
   */
  private static String body(HttpEntity entity) throws IOException {
    if (entity == null) {
      throw new UpstreamException("upstream answered no body");
    }
    try (InputStream in = entity.getContent()) {
      byte[] bytes = in.readNBytes(MAX_ANSWER + 1);
      if (bytes.length > MAX_ANSWER) {
        throw new UpstreamException("upstream answer larger than " + MAX_ANSWER + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static CitizenSummary parse(String body) {
    try {
      Map<String, Object> json = JSONObjectUtils.parse(body);
      return new CitizenSummary(
          JSONObjectUtils.getString(json, "hoVaTen"),
          JSONObjectUtils.getString(json, "ngaySinh"),
          JSONObjectUtils.getString(json, "gioiTinh"),
          JSONObjectUtils.getString(json, "trangThai"));
    } catch (ParseException e) {
      throw new UpstreamException("upstream answered malformed JSON", e);
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
