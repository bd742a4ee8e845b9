package io.coinfer.contracts.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the top classes of a result.
 *
 * @param classIndex the class index in the net's output
 * @param label the class label
 * @param score the softmax probability, in [0, 1]
 */
public record ClassScore(@PositiveOrZero int classIndex, @NotBlank String label, double score) {

  /**
   * The k most probable classes of one row of logits, best first (ties: lower index first).
   *
   * @param logits the logits of one image
   * @param labels one label per logit
   * @param k how many classes (at most the number of logits)
   * @return the classes with their softmax probabilities
   */
  public static List<ClassScore> topK(float[] logits, List<String> labels, int k) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double[] p = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      p[i] = Math.exp(logits[i] - max);
      sum += p[i];
    }
    boolean[] taken = new boolean[logits.length];
    List<ClassScore> top = new ArrayList<>(k);
    for (int rank = 0; rank < Math.min(k, logits.length); rank++) {
      int best = -1;
      for (int i = 0; i < logits.length; i++) {
        if (!taken[i] && (best < 0 || p[i] > p[best])) {
          best = i;
        }
      }
      taken[best] = true;
      top.add(new ClassScore(best, labels.get(best), p[best] / sum));
    }
    return List.copyOf(top);
  }
}
