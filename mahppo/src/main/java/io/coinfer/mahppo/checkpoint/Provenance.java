package io.coinfer.mahppo.checkpoint;

/**
 * Where a checkpoint came from.
 *
 * @param net the DNN of the UEs, e.g. {@code resnet18}
 * @param ues UEs trained with
 * @param channels sub-channels trained with
 * @param seed the training seed
 * @param steps environment steps (slots) trained
 * @param seconds wall-clock training time, s
 * @param gitCommit commit of the code that trained it ({@code unknown} outside a git work tree)
 * @param djlVersion DJL version used
 * @param pytorchVersion PyTorch (native) version used
 * @param createdAt ISO-8601 time of writing
 * @param latencyPerTask test-scenario latency per task per device at the end, s
 * @param energyPerTask test-scenario energy per task per device at the end, J
 * @param command the command line that reproduces it
 */
public record Provenance(
    String net,
    int ues,
    int channels,
    long seed,
    long steps,
    double seconds,
    String gitCommit,
    String djlVersion,
    String pytorchVersion,
    String createdAt,
    double latencyPerTask,
    double energyPerTask,
    String command) {}
