package io.coinfer.gateway.job;

import io.coinfer.contracts.api.JobAccepted;
import io.coinfer.contracts.api.JobView;
import io.coinfer.contracts.events.FeatureEvent;
import io.coinfer.contracts.events.JobStatus;
import io.coinfer.contracts.events.UeAccounting;
import io.coinfer.contracts.web.Problems;
import io.coinfer.gateway.config.GatewaySettings;
import io.coinfer.gateway.job.JobService.TrackedJob;
import io.coinfer.gateway.security.UeAuthorizer;
import io.coinfer.gateway.ue.RegisteredUe;
import io.coinfer.gateway.ue.UeRegistry;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Job submission and results. A job answers 202 with its id and a Location; with {@code ?wait=5s}
 * it answers 200 with the result if it finishes within the wait.
 */
@RestController
@Validated
class JobController {

  private final JobService jobs;
  private final UeRegistry ues;
  private final UeAuthorizer authorizer;
  private final long maxBytes;

  JobController(
      JobService jobs, UeRegistry ues, UeAuthorizer authorizer, GatewaySettings settings) {
    this.jobs = jobs;
    this.ues = ues;
    this.authorizer = authorizer;
    this.maxBytes = settings.jobs().maxImageSize().toBytes();
  }

  @Operation(summary = "Submit a raw image (body with its image/* content type)")
  @PostMapping(path = "/api/v1/ues/{ueId}/jobs", consumes = "image/*")
  CompletableFuture<ResponseEntity<Object>> submitRaw(
      @PathVariable String ueId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
      @RequestParam(required = false) String wait,
      HttpServletRequest request)
      throws IOException {
    RegisteredUe ue = ues.owned(ueId, authorizer.caller(auth));
    byte[] image = readBounded(request);
    return answer(jobs.submitImage(ue, request.getContentType(), image), wait);
  }

  @Operation(summary = "Submit an image as the multipart part 'image'")
  @PostMapping(path = "/api/v1/ues/{ueId}/jobs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  CompletableFuture<ResponseEntity<Object>> submitMultipart(
      @PathVariable String ueId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
      @RequestParam(required = false) String wait,
      @RequestPart("image") MultipartFile image)
      throws IOException {
    RegisteredUe ue = ues.owned(ueId, authorizer.caller(auth));
    String type = image.getContentType();
    if (type == null || !MediaType.parseMediaType(type).getType().equals("image")) {
      throw Problems.unsupportedMediaType(
          "the part 'image' must have an image/* content type, was " + type);
    }
    if (image.getSize() > maxBytes) {
      throw Problems.tooLarge("an image may have at most " + maxBytes + " bytes");
    }
    return answer(jobs.submitImage(ue, type, image.getBytes()), wait);
  }

  @Operation(summary = "Submit a feature the UE compressed itself (splitnn wire format)")
  @PostMapping(path = "/api/v1/ues/{ueId}/features", consumes = FeatureEvent.FEATURE_CONTENT_TYPE)
  CompletableFuture<ResponseEntity<Object>> submitFeature(
      @PathVariable String ueId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
      @RequestParam @Min(1) @Max(4) int point,
      @RequestParam(defaultValue = "0") @PositiveOrZero double computeS,
      @RequestParam(defaultValue = "0") @PositiveOrZero double computeJ,
      @RequestParam(defaultValue = "0") @PositiveOrZero double transmitS,
      @RequestParam(defaultValue = "0") @PositiveOrZero double transmitJ,
      @RequestParam(required = false) String wait,
      HttpServletRequest request)
      throws IOException {
    RegisteredUe ue = ues.owned(ueId, authorizer.caller(auth));
    // a NaN or an infinity in any of them (both pass @PositiveOrZero) makes the sum non-finite
    if (!Double.isFinite(computeS + computeJ + transmitS + transmitJ)) {
      throw Problems.badRequest("computeS, computeJ, transmitS and transmitJ must be finite");
    }
    byte[] payload = readBounded(request);
    if (payload.length == 0) {
      throw Problems.badRequest("the feature payload is empty");
    }
    UeAccounting accounting = new UeAccounting(computeS, computeJ, transmitS, transmitJ, 0, 0);
    return answer(jobs.submitFeature(ue, point, payload, accounting), wait);
  }

  @Operation(summary = "A job and, once terminal, its result")
  @GetMapping("/api/v1/jobs/{jobId}")
  JobView get(
      @PathVariable String jobId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
    String caller = authorizer.caller(auth);
    TrackedJob job = jobs.get(jobId);
    if (!job.ueId().equals(caller)) {
      throw Problems.forbidden("the job belongs to another UE");
    }
    return job.view();
  }

  private CompletableFuture<ResponseEntity<Object>> answer(TrackedJob job, String wait) {
    if (wait == null || wait.isBlank()) {
      return CompletableFuture.completedFuture(accepted(job));
    }
    Duration duration;
    try {
      duration = DurationStyle.detectAndParse(wait);
    } catch (IllegalArgumentException e) {
      throw Problems.badRequest("wait must be a duration such as 5s or 500ms, was " + wait);
    }
    return jobs.await(job, duration)
        .thenApply(
            view ->
                view.status() == JobStatus.PENDING
                    ? accepted(job)
                    : ResponseEntity.ok().body((Object) view));
  }

  private static ResponseEntity<Object> accepted(TrackedJob job) {
    String location = "/api/v1/jobs/" + job.jobId();
    return ResponseEntity.accepted()
        .location(URI.create(location))
        .body(new JobAccepted(job.jobId(), JobStatus.PENDING, location));
  }

  private byte[] readBounded(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBytes) {
      throw Problems.tooLarge("a body may have at most " + maxBytes + " bytes");
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes((int) maxBytes + 1);
      if (body.length > maxBytes) {
        throw Problems.tooLarge("a body may have at most " + maxBytes + " bytes");
      }
      return body;
    }
  }
}
