package io.coinfer.contracts.api;

import java.time.Instant;
import java.util.List;

/**
 * A codec training job.
 *
 * @param jobId the training job id
 * @param request what was asked
 * @param status {@code QUEUED}, {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param epochs per finished epoch: mean training loss, test top-1 (on the training data's held-out
 *     images) and seconds
 * @param codecVersion the version of the trained codec (when done)
 * @param outputDir the staging model folder holding the trained codec under {@code codecs/p<k>}
 *     (when done); it is served after it replaces the model's codec and the services restart
 * @param error what went wrong (when failed)
 * @param submittedAt when the job was accepted
 * @param finishedAt when it finished, or null
 */
public record CodecTrainingView(
    String jobId,
    CodecTrainingRequest request,
    String status,
    List<Epoch> epochs,
    Integer codecVersion,
    String outputDir,
    String error,
    Instant submittedAt,
    Instant finishedAt) {

  /**
   * One epoch.
   *
   * @param epoch the epoch number, from 1
   * @param trainLoss mean training loss
   * @param testTop1 top-1 accuracy on held-out images, in [0, 1]
   * @param seconds wall-clock time of the epoch
   */
  public record Epoch(int epoch, double trainLoss, double testTop1, double seconds) {}
}
