package io.coinfer.orchestrator.policy;

import io.coinfer.mec.schedule.Schedulers;
import java.util.Locale;

/**
 * A policy spec with the id and version a decision reports: a built-in baseline is its own id with
 * version {@code builtin} (e.g. {@code fixed:3:0.5}); a policy of a scheduler factory is the part
 * before the first colon, its version the rest (e.g. {@code mahppo} and the checkpoint), or {@code
 * default} without one.
 *
 * @param spec the spec as given to mec-core's {@link Schedulers#create}
 * @param id the policy id
 * @param version the policy version
 */
public record PolicySpec(String spec, String id, String version) {

  /** The version of the built-in baselines. */
  public static final String BUILTIN = "builtin";

  /**
   * Names a spec.
   *
   * @param spec the spec
   * @return its id and version
   */
  public static PolicySpec of(String spec) {
    String trimmed = spec.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    boolean builtin =
        lower.startsWith("fixed:") || Schedulers.BUILT_IN.stream().anyMatch(b -> b.equals(lower));
    if (builtin) {
      return new PolicySpec(trimmed, lower, BUILTIN);
    }
    int colon = trimmed.indexOf(':');
    return colon < 0
        ? new PolicySpec(trimmed, lower, "default")
        : new PolicySpec(trimmed, lower.substring(0, colon), trimmed.substring(colon + 1));
  }
}
