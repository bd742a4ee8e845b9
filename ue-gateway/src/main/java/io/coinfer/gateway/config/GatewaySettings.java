package io.coinfer.gateway.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's settings, under {@code coinfer.gateway}.
 *
 * @param tokens bearer tokens
 * @param jobs job submission and results
 * @param ues what a UE may register with
 */
@ConfigurationProperties("coinfer.gateway")
public record GatewaySettings(
    @DefaultValue Tokens tokens, @DefaultValue Jobs jobs, @DefaultValue Ues ues) {

  /**
   * UE tokens (the platform's signed tokens with role {@code ue} and the UE id as subject; their
   * keys are {@code coinfer.security.keys}, {@link
   * io.coinfer.contracts.security.SecuritySettings}).
   *
   * @param ttl how long a UE token is valid; default 24 h
   */
  public record Tokens(@DefaultValue("24h") Duration ttl) {}

  /**
   * Jobs.
   *
   * @param maxImageSize the largest image accepted, bytes; default 2 MB (a larger body gets 413)
   * @param maxImagePixels the largest width x height accepted, pixels; default 16,777,216 (4096^2)
   * @param maxWait the longest {@code ?wait=} honoured; default 30 s
   * @param retained how many jobs the gateway remembers for {@code GET /api/v1/jobs/{id}}; default
   *     100,000 (the oldest finished ones are forgotten first)
   * @param maxPending accepted jobs without a result the gateway holds at most (each with its
   *     {@code ?wait} answer); a submission beyond it gets 429 with {@code Retry-After}; default
   *     2,000
   * @param retryAfter what the gateway tells a refused client to wait ({@code Retry-After}, whole
   *     seconds); default 1 s
   * @param drainTimeout at shutdown, how long the gateway keeps reading results for its pending
   *     jobs (new submissions get 503) before it stops; default 15 s
   */
  public record Jobs(
      @DefaultValue("2MB") DataSize maxImageSize,
      @DefaultValue("16777216") long maxImagePixels,
      @DefaultValue("30s") Duration maxWait,
      @DefaultValue("100000") int retained,
      @DefaultValue("2000") int maxPending,
      @DefaultValue("1s") Duration retryAfter,
      @DefaultValue("15s") Duration drainTimeout) {}

  /**
   * What a UE may register with.
   *
   * @param nets the DNNs served; default vgg11, resnet18, mobilenetv2
   * @param deviceProfiles the known device profiles; default jetson-nano
   * @param reportOnJobAfter a job accepted for a UE that has not reported since it registered, or
   *     whose last state report is older than this, counts as a report (1 task queued, the distance
   *     unchanged), so that a client that only submits jobs is scheduled as a UE with work from its
   *     first job and stays fresh for the orchestrator (its {@code stale-after}, 30 s); UEs that
   *     report every 10 s, as the simulated ones do, are left to their own reports; 0 = off;
   *     default 15 s
   */
  public record Ues(
      @DefaultValue({"vgg11", "resnet18", "mobilenetv2"}) List<String> nets,
      @DefaultValue("jetson-nano") List<String> deviceProfiles,
      @DefaultValue("15s") Duration reportOnJobAfter) {}
}
