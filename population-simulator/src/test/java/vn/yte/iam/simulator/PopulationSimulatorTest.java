package vn.yte.iam.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PopulationSimulatorTest {
  private static final String KEY = "test-key-123";
  private static PopulationSimulator simulator;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    simulator = PopulationSimulator.start("127.0.0.1", 0, KEY);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private HttpResponse<String> post(String key, String body) throws Exception {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(simulator.baseUrl() + PopulationSimulator.LOOKUP_PATH))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      req.header("X-Api-Key", key);
    }
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersKnownCitizenDeterministically() throws Exception {
    HttpResponse<String> first = post(KEY, "{\"soDinhDanh\":\"001190012345\"}");
    HttpResponse<String> second = post(KEY, "{\"soDinhDanh\":\"001190012345\"}");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body())
        .contains("\"soDinhDanh\":\"001190012345\"")
        .contains("\"ngaySinh\":\"1990-")
        .contains("\"gioiTinh\":\"Nữ\"");
    assertThat(second.body()).isEqualTo(first.body());
  }

  @Test
  void unknownCitizenIs404() throws Exception {
    assertThat(post(KEY, "{\"soDinhDanh\":\"001090012000\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void malformedIdIs400() throws Exception {
    assertThat(post(KEY, "{\"soDinhDanh\":\"00109001\"}").statusCode()).isEqualTo(400);
    assertThat(post(KEY, "not json").statusCode()).isEqualTo(400);
  }

  @Test
  void wrongOrMissingKeyIs401AndNotCounted() throws Exception {
    long before = simulator.lookupCount();
    assertThat(post("wrong", "{\"soDinhDanh\":\"001190012345\"}").statusCode()).isEqualTo(401);
    assertThat(post(null, "{\"soDinhDanh\":\"001190012345\"}").statusCode()).isEqualTo(401);
    assertThat(simulator.lookupCount()).isEqualTo(before);
  }
}
