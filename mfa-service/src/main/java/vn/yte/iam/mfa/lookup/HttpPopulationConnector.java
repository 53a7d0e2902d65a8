package vn.yte.iam.mfa.lookup;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** JSON over HTTP to the population-database API (or its simulator) at a configurable URL. */
@Component
class HttpPopulationConnector implements PopulationConnector {
  static final String LOOKUP_PATH = "/api/v1/cong-dan/tra-cuu";

  private final PopulationProperties properties;
  private final HttpClient http;

  HttpPopulationConnector(PopulationProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  @Override
  public Optional<CitizenSummary> lookup(CitizenId id, String requestId) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(properties.upstreamUrl() + LOOKUP_PATH))
            .timeout(properties.timeout())
            .header("Content-Type", "application/json")
            .header("X-Api-Key", properties.apiKey())
            .header("X-Request-Id", requestId)
            .POST(HttpRequest.BodyPublishers.ofString("{\"soDinhDanh\":\"" + id.value() + "\"}"))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UpstreamException("upstream unreachable: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException("interrupted", e);
    }
    return switch (response.statusCode()) {
      case 200 -> Optional.of(parse(response.body()));
      case 404 -> Optional.empty();
      default -> throw new UpstreamException("upstream status " + response.statusCode());
    };
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
}
