package io.coinfer.mahppo.train;

/** Told about a training run's progress (e.g. to draw a progress bar). */
public interface TrainingListener {

  /**
   * Called once before the first rollout.
   *
   * @param startSteps steps already done (non-zero when resuming)
   * @param totalSteps steps the run will reach
   * @param references test-scenario figures of the baselines drawn as reference lines
   */
  default void started(long startSteps, long totalSteps, References references) {}

  /** Called after every update. */
  default void updated(UpdateRecord record) {}

  /** A listener that ignores everything. */
  static TrainingListener none() {
    return new TrainingListener() {};
  }
}
