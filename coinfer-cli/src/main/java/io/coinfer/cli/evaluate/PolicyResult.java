package io.coinfer.cli.evaluate;

import io.coinfer.mec.eval.EvaluationSummary;

/**
 * One policy's row of {@code coinfer evaluate}: the mean over the episodes, with the change against
 * {@code local} on the same episodes. Non-finite numbers (e.g. no task finished) are null.
 *
 * @param policy the scheduler spec
 * @param net the net
 * @param ues number of UEs
 * @param channels number of sub-channels
 * @param scenario test, train or random-positions
 * @param episodes episodes run
 * @param seed the run's seed
 * @param powerErrorDb the largest power-control error of the UEs, in dB (0 = exact)
 * @param distanceMeters the distance every UE was put at, in meters; null = the scenario's own
 * @param latencyPerTask the paper's latency per task per device (T N slots / finished), seconds
 * @param latencyVsLocalPercent change of latencyPerTask against local, percent
 * @param energyPerTask the paper's energy per task per device, joules
 * @param energyVsLocalPercent change of energyPerTask against local, percent
 * @param objective latencyPerTask + beta x energyPerTask at the scenario's beta, what the
 *     schedulers are compared on
 * @param meanTaskLatency mean continuous-time task latency (UE start to completion), seconds
 * @param p50TaskLatency median continuous-time task latency, seconds
 * @param p95TaskLatency 95th-percentile continuous-time task latency, seconds
 * @param makespanSeconds continuous time of the last completion, seconds
 * @param reward summed reward of an episode
 * @param slots slots per episode
 * @param truncatedEpisodes episodes that hit their slot cap
 * @param msPerDecision mean wall time of one decision (one slot, every UE), milliseconds
 */
public record PolicyResult(
    String policy,
    String net,
    int ues,
    int channels,
    String scenario,
    int episodes,
    long seed,
    double powerErrorDb,
    Double distanceMeters,
    Double latencyPerTask,
    Double latencyVsLocalPercent,
    Double energyPerTask,
    Double energyVsLocalPercent,
    Double objective,
    Double meanTaskLatency,
    Double p50TaskLatency,
    Double p95TaskLatency,
    Double makespanSeconds,
    Double reward,
    Double slots,
    int truncatedEpisodes,
    Double msPerDecision) {

  /** The fields in output order (also the CSV header). */
  static final String[] FIELDS = {
    "policy",
    "net",
    "ues",
    "channels",
    "scenario",
    "episodes",
    "seed",
    "powerErrorDb",
    "distanceMeters",
    "latencyPerTask",
    "latencyVsLocalPercent",
    "energyPerTask",
    "energyVsLocalPercent",
    "objective",
    "meanTaskLatency",
    "p50TaskLatency",
    "p95TaskLatency",
    "makespanSeconds",
    "reward",
    "slots",
    "truncatedEpisodes",
    "msPerDecision"
  };

  static PolicyResult of(
      EvaluationSummary s,
      EvaluationSummary local,
      String net,
      int ues,
      int channels,
      String scenario,
      long seed,
      double powerErrorDb,
      Double distanceMeters,
      double beta,
      double msPerDecision) {
    return new PolicyResult(
        s.policy(),
        net,
        ues,
        channels,
        scenario,
        s.episodes(),
        seed,
        powerErrorDb,
        distanceMeters,
        finite(s.latencyPerTask()),
        finite(change(s.latencyPerTask(), local.latencyPerTask())),
        finite(s.energyPerTask()),
        finite(change(s.energyPerTask(), local.energyPerTask())),
        finite(s.latencyPerTask() + beta * s.energyPerTask()),
        finite(s.meanTaskLatency()),
        finite(s.p50TaskLatency()),
        finite(s.p95TaskLatency()),
        finite(s.makespanSeconds()),
        finite(s.reward()),
        finite(s.slots()),
        s.truncatedEpisodes(),
        finite(msPerDecision));
  }

  /** The values in {@link #FIELDS} order. */
  Object[] values() {
    return new Object[] {
      policy,
      net,
      ues,
      channels,
      scenario,
      episodes,
      seed,
      powerErrorDb,
      distanceMeters,
      latencyPerTask,
      latencyVsLocalPercent,
      energyPerTask,
      energyVsLocalPercent,
      objective,
      meanTaskLatency,
      p50TaskLatency,
      p95TaskLatency,
      makespanSeconds,
      reward,
      slots,
      truncatedEpisodes,
      msPerDecision
    };
  }

  private static double change(double value, double reference) {
    return 100.0 * (value - reference) / reference;
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
