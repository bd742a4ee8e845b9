package io.coinfer.contracts.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * One of the top classes of a result.
 *
 * @param classIndex the class index in the net's output
 * @param label the class label
 * @param score the softmax probability, in [0, 1]
 */
public record ClassScore(@PositiveOrZero int classIndex, @NotBlank String label, double score) {}
