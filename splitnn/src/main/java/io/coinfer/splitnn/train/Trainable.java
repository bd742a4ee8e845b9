package io.coinfer.splitnn.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/** Freezes and unfreezes the learnable parameters of a block (never batch-norm statistics). */
final class Trainable {

  private Trainable() {}

  static void set(Block block, boolean trainable) {
    block.freezeParameters(
        !trainable,
        p ->
            p.getType() != Parameter.Type.RUNNING_MEAN
                && p.getType() != Parameter.Type.RUNNING_VAR);
  }
}
