package io.coinfer.simulator.gateway;

import io.coinfer.contracts.api.JobAccepted;
import io.coinfer.contracts.api.JobView;
import io.coinfer.contracts.api.RegisterUeRequest;
import io.coinfer.contracts.api.StateReport;
import io.coinfer.contracts.api.UeRegistration;
import io.coinfer.contracts.events.DecisionEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's UE API: register, report state, read the latest decision, submit an image, read a
 * job. Every call is asynchronous; at most {@code maxConcurrent} exchanges are open at once. An
 * answer with an error status fails the future with a {@link GatewayException}. Thread-safe.
 */
public final class GatewayClient {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final BoundedExchanges exchanges;
  private final JsonMapper json =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /**
   * @param base the gateway's base URI, e.g. {@code http://127.0.0.1:8080}
   * @param maxConcurrent exchanges open at once (&ge; 1)
   */
  public GatewayClient(URI base, int maxConcurrent) {
    this.base = base;
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    this.exchanges = new BoundedExchanges(http, maxConcurrent);
  }

  /**
   * Registers a UE: {@code POST /api/v1/ues}.
   *
   * @param request net, device profile, distance and pmax
   * @return the UE and its bearer token
   */
  public CompletableFuture<UeRegistration> register(RegisterUeRequest request) {
    HttpRequest http =
        json("/api/v1/ues", null)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body(request)))
            .build();
    return exchange(http, "register a UE").thenApply(r -> read(r, UeRegistration.class));
  }

  /**
   * Reports a UE's state: {@code PUT /api/v1/ues/{id}/state}.
   *
   * @param ueId the UE
   * @param token its bearer token
   * @param report tasks queued and distance
   * @return completes when the gateway took the report
   */
  public CompletableFuture<Void> report(String ueId, String token, StateReport report) {
    HttpRequest http =
        json("/api/v1/ues/" + ueId + "/state", token)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body(report)))
            .build();
    return exchange(http, "report the state of UE " + ueId).thenApply(r -> null);
  }

  /**
   * Reads a UE's latest decision: {@code GET /api/v1/ues/{id}/decision}.
   *
   * @param ueId the UE
   * @param token its bearer token
   * @return the decision, or empty while the gateway has none for the UE (its answer 404)
   */
  public CompletableFuture<Optional<DecisionEvent>> decision(String ueId, String token) {
    HttpRequest http =
        request("/api/v1/ues/" + ueId + "/decision", token)
            .header("Accept", "application/json")
            .GET()
            .build();
    return exchange(http, "read the decision of UE " + ueId)
        .handle(
            (r, error) -> {
              if (error == null) {
                return Optional.of(read(r, DecisionEvent.class));
              }
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              if (cause instanceof GatewayException g && g.status() == 404) {
                return Optional.empty();
              }
              throw error instanceof CompletionException c ? c : new CompletionException(error);
            });
  }

  /**
   * Submits an image: {@code POST /api/v1/ues/{id}/jobs?wait=...} with the raw image as body.
   *
   * @param ueId the UE
   * @param token its bearer token
   * @param contentType the image's content type, e.g. {@code image/png}
   * @param image the image bytes
   * @param wait how long the gateway may hold the answer for the result
   * @return the job id, with the finished job if it finished within the wait
   */
  public CompletableFuture<Submission> submit(
      String ueId, String token, String contentType, byte[] image, Duration wait) {
    HttpRequest http =
        request("/api/v1/ues/" + ueId + "/jobs?wait=" + wait.toMillis() + "ms", token)
            .timeout(REQUEST_TIMEOUT.plus(wait))
            .header("Content-Type", contentType)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(image))
            .build();
    return exchange(http, "submit a job for UE " + ueId)
        .thenApply(
            r -> {
              if (r.statusCode() == 200) {
                JobView view = read(r, JobView.class);
                return new Submission(view.jobId(), view);
              }
              return new Submission(read(r, JobAccepted.class).jobId(), null);
            });
  }

  /**
   * Reads a job: {@code GET /api/v1/jobs/{jobId}}.
   *
   * @param jobId the job
   * @param token the bearer token of the UE that submitted it
   * @return the job and, once terminal, its result
   */
  public CompletableFuture<JobView> job(String jobId, String token) {
    HttpRequest http = request("/api/v1/jobs/" + jobId, token).GET().build();
    return exchange(http, "read job " + jobId).thenApply(r -> read(r, JobView.class));
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private HttpRequest.Builder json(String path, String token) {
    return request(path, token)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json");
  }

  private CompletableFuture<HttpResponse<byte[]>> exchange(HttpRequest request, String what) {
    return exchanges
        .send(request)
        .thenApply(
            r -> {
              if (r.statusCode() >= 300) {
                throw new GatewayException(
                    r.statusCode(),
                    retryAfter(r),
                    "cannot "
                        + what
                        + ": "
                        + request.method()
                        + " "
                        + request.uri()
                        + " answered "
                        + r.statusCode()
                        + " "
                        + new String(r.body(), StandardCharsets.UTF_8));
              }
              return r;
            });
  }

  /**
   * The {@code Retry-After} of an answer in its delay-seconds form (the gateway's), or null.
   *
   * @param response the answer
   * @return the delay, or null when absent or not whole seconds
   */
  static Duration retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .filter(v -> v.trim().matches("\\d{1,9}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v.trim())))
        .orElse(null);
  }

  private byte[] body(Object value) {
    return json.writeValueAsBytes(value);
  }

  private <T> T read(HttpResponse<byte[]> response, Class<T> type) {
    return json.readValue(response.body(), type);
  }
}
