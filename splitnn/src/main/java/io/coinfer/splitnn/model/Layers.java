package io.coinfer.splitnn.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;

/** Small builders of the torchvision layers the three model families are made of. */
final class Layers {

  private Layers() {}

  /** A 2-D convolution with square kernel, stride and padding; bias only when asked. */
  static Block conv(int filters, int kernel, int stride, int padding, int groups, boolean bias) {
    return Conv2d.builder()
        .setFilters(filters)
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(padding, padding))
        .optGroups(groups)
        .optBias(bias)
        .build();
  }

  /** Batch normalisation over channels (axis 1) with torchvision's epsilon 1e-5. */
  static Block batchNorm() {
    return BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build();
  }

  /** Adds the outputs of a main path and a shortcut, then applies ReLU when asked. */
  static Block residual(Block main, Block shortcut, boolean reluAfter) {
    return new ParallelBlock(
        outputs -> {
          var sum = outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow());
          return new NDList(reluAfter ? Activation.relu(sum) : sum);
        },
        List.of(main, shortcut));
  }

  /** torchvision's ResNet BasicBlock (two 3x3 convolutions, projection shortcut on change). */
  static Block basicBlock(int inChannels, int outChannels, int stride) {
    SequentialBlock main =
        new SequentialBlock()
            .add(conv(outChannels, 3, stride, 1, 1, false))
            .add(batchNorm())
            .add(Activation.reluBlock())
            .add(conv(outChannels, 3, 1, 1, 1, false))
            .add(batchNorm());
    Block shortcut =
        stride != 1 || inChannels != outChannels
            ? new SequentialBlock().add(conv(outChannels, 1, stride, 0, 1, false)).add(batchNorm())
            : Blocks.identityBlock();
    return residual(main, shortcut, true);
  }

  /** torchvision's Conv2dNormActivation with ReLU6 (MobileNetV2). */
  static SequentialBlock convBnRelu6(int outChannels, int kernel, int stride, int groups) {
    return new SequentialBlock()
        .add(conv(outChannels, kernel, stride, (kernel - 1) / 2, groups, false))
        .add(batchNorm())
        .add(Activation.relu6Block());
  }

  /** torchvision's MobileNetV2 InvertedResidual block. */
  static Block invertedResidual(int inChannels, int outChannels, int stride, int expandRatio) {
    int hidden = inChannels * expandRatio;
    SequentialBlock main = new SequentialBlock();
    if (expandRatio != 1) {
      main.add(convBnRelu6(hidden, 1, 1, 1));
    }
    main.add(convBnRelu6(hidden, 3, stride, hidden))
        .add(conv(outChannels, 1, 1, 0, 1, false))
        .add(batchNorm());
    return stride == 1 && inChannels == outChannels
        ? residual(main, Blocks.identityBlock(), false)
        : main;
  }
}
