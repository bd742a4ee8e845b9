package io.coinfer.splitnn.train;

import io.coinfer.splitnn.data.ImageSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Splits an image set into minibatches of indices, in a shuffled or the stored order. */
final class Minibatches {

  private Minibatches() {}

  /** Shuffled minibatches for one epoch; a last partial batch of fewer than 2 is dropped. */
  static List<int[]> shuffled(ImageSet set, int batchSize, long seed, int maxBatches) {
    return chop(set.shuffledIndices(seed), batchSize, maxBatches, 2);
  }

  /** Minibatches in the stored order covering every image (for evaluation). */
  static List<int[]> inOrder(ImageSet set, int batchSize) {
    int[] all = new int[set.count()];
    Arrays.setAll(all, i -> i);
    return chop(all, batchSize, 0, 1);
  }

  /** Random horizontal flips for a batch: each image mirrored with probability 1/2. */
  static boolean[] flips(int n, Random random, boolean enabled) {
    boolean[] flip = new boolean[n];
    for (int i = 0; i < n && enabled; i++) {
      flip[i] = random.nextBoolean();
    }
    return flip;
  }

  private static List<int[]> chop(int[] order, int batchSize, int maxBatches, int minSize) {
    List<int[]> out = new ArrayList<>();
    for (int start = 0; start < order.length; start += batchSize) {
      int[] batch = Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
      if (batch.length >= minSize) {
        out.add(batch);
      }
      if (maxBatches > 0 && out.size() == maxBatches) {
        break;
      }
    }
    return out;
  }
}
