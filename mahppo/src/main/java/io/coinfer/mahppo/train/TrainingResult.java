package io.coinfer.mahppo.train;

import java.nio.file.Path;

/**
 * The outcome of a training run.
 *
 * @param steps environment steps (slots) trained in total (a resumed run counts the earlier ones)
 * @param seconds wall-clock time of this run, s
 * @param stepsPerSecond steps of this run per second, rollout and updates together
 * @param latencyPerTask final test-scenario latency per task per device, s
 * @param energyPerTask final test-scenario energy per task per device, J
 * @param checkpoint the directory holding the final checkpoint
 * @param best the directory holding the checkpoint of the lowest validation objective, or null when
 *     {@code keepBest} is off
 * @param bestValidationObjective that checkpoint's mean validation objective (latency + beta energy
 *     per task per device), or +infinity when {@code keepBest} is off
 */
public record TrainingResult(
    long steps,
    double seconds,
    double stepsPerSecond,
    double latencyPerTask,
    double energyPerTask,
    Path checkpoint,
    Path best,
    double bestValidationObjective) {}
