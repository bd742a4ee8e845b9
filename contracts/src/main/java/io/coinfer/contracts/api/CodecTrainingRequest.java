package io.coinfer.contracts.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A request to train a new version of a served codec (the backbone stays frozen).
 *
 * @param net the served net
 * @param point the partition point, 1 to 4
 * @param epochs passes over the training images, 1 to 100
 * @param maxBatchesPerEpoch minibatches per epoch at most (0: all)
 * @param imagesPerClass synthetic training images per class (splitnn's synthetic shapes at the
 *     model's input size), 1 to 10,000
 * @param gamma weight of the cross-entropy term (0: reconstruction only, the right choice when the
 *     training images' classes are not the model's)
 * @param seed seed of the data and the minibatch order
 */
public record CodecTrainingRequest(
    @NotBlank String net,
    @Min(1) @Max(4) int point,
    @Min(1) @Max(100) int epochs,
    @PositiveOrZero int maxBatchesPerEpoch,
    @Min(1) @Max(10_000) int imagesPerClass,
    @PositiveOrZero double gamma,
    long seed) {}
