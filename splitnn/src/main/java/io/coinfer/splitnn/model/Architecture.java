package io.coinfer.splitnn.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The three model families of the paper, built as DJL blocks that mirror torchvision's layer order,
 * and cut at the paper's partition points.
 *
 * <p>Every family is built as a {@link SequentialBlock} of exactly {@value #SEGMENTS} segments:
 * segment {@code i} runs from partition point {@code i} (point 0 is the raw image) to point {@code
 * i + 1} (point 5 is the logits). So the head up to point {@code k} is segments {@code [0, k)} and
 * the tail from point {@code k} is segments {@code [k, 5)}. The cuts are the inputs of the
 * torchvision modules named by the paper: resnet18 {@code layer1, layer2[1], layer3[1], layer4[1]};
 * vgg11 {@code features[3], [6], [11], [16]}; mobilenet_v2 {@code features[2], [3], [5], [8]}.
 *
 * <p>One deliberate difference from torchvision: vgg11's classifier is global average pooling
 * followed by {@code 512 -> 512 -> classes} fully connected layers instead of a 7x7 adaptive pool
 * and two 4096-wide layers (120 M parameters), so that it works at small image sizes and trains on
 * a CPU. Every partition point lies inside {@code features}, so feature shapes are unaffected.
 *
 * <p>One family is not the paper's: {@link #RESNET18_NARROW}, resnet18 at a quarter of its width, a
 * small model for measuring the platform rather than the DNN ({@code coinfer bench load}).
 */
public enum Architecture {
  /** VGG-11 without batch normalisation (torchvision {@code vgg11}). */
  VGG11("vgg11"),
  /** ResNet-18 (torchvision {@code resnet18}). */
  RESNET18("resnet18"),
  /** MobileNetV2 with width 1.0 (torchvision {@code mobilenet_v2}). */
  MOBILENETV2("mobilenetv2"),
  /**
   * ResNet-18 at a quarter of its width: the same layers, cuts and spatial shapes, with 16, 32, 64
   * and 128 channels instead of 64, 128, 256 and 512, so a sixteenth of the weights (0.7 M instead
   * of 11 M) and of the multiply-adds. Not one of the paper's nets.
   */
  RESNET18_NARROW("resnet18-narrow");

  /** Number of segments between the six partition points 0..5. */
  public static final int SEGMENTS = 5;

  private final String id;

  Architecture(String id) {
    this.id = id;
  }

  /** The short id used on the command line and in profiles, e.g. {@code resnet18}. */
  public String id() {
    return id;
  }

  /**
   * Finds a family by its id (case-insensitive; {@code mobilenet_v2} is accepted too).
   *
   * @throws IllegalArgumentException naming the known ids when there is no such family
   */
  public static Architecture of(String id) {
    String wanted = id.toLowerCase(Locale.ROOT).replace("_", "");
    return Arrays.stream(values())
        .filter(a -> a.id.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown model family '"
                        + id
                        + "'; known: "
                        + Arrays.stream(values())
                            .map(Architecture::id)
                            .collect(Collectors.joining(", "))));
  }

  /**
   * Builds the network as a {@link SequentialBlock} of {@value #SEGMENTS} segments.
   *
   * @param numClasses number of output classes (logits), at least 2
   */
  public SequentialBlock build(int numClasses) {
    if (numClasses < 2) {
      throw new IllegalArgumentException("numClasses must be at least 2, was " + numClasses);
    }
    SequentialBlock net =
        switch (this) {
          case VGG11 -> vgg11(numClasses);
          case RESNET18 -> resnet18(numClasses, 64);
          case RESNET18_NARROW -> resnet18(numClasses, 16);
          case MOBILENETV2 -> mobilenetV2(numClasses);
        };
    if (net.getChildren().size() != SEGMENTS) {
      throw new IllegalStateException(id + " must have " + SEGMENTS + " segments");
    }
    return net;
  }

  /** resnet18 whose four stages have {@code width}, 2, 4 and 8 times {@code width} channels. */
  private static SequentialBlock resnet18(int numClasses, int width) {
    int c1 = width;
    int c2 = 2 * width;
    int c3 = 4 * width;
    int c4 = 8 * width;
    Block stem =
        new SequentialBlock()
            .add(Layers.conv(c1, 7, 2, 3, 1, false))
            .add(Layers.batchNorm())
            .add(Activation.reluBlock())
            .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
    // segment i ends just before layer(i+1)[1]: layerN[1] + layer(N+1)[0]
    Block s1 =
        new SequentialBlock()
            .add(Layers.basicBlock(c1, c1, 1))
            .add(Layers.basicBlock(c1, c1, 1))
            .add(Layers.basicBlock(c1, c2, 2));
    Block s2 =
        new SequentialBlock().add(Layers.basicBlock(c2, c2, 1)).add(Layers.basicBlock(c2, c3, 2));
    Block s3 =
        new SequentialBlock().add(Layers.basicBlock(c3, c3, 1)).add(Layers.basicBlock(c3, c4, 2));
    Block s4 =
        new SequentialBlock()
            .add(Layers.basicBlock(c4, c4, 1))
            .add(Pool.globalAvgPool2dBlock())
            .add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(numClasses).build());
    return new SequentialBlock().addAll(stem, s1, s2, s3, s4);
  }

  private static SequentialBlock vgg11(int numClasses) {
    // features indices: 0 conv64 1 relu 2 pool | 3 conv128 4 relu 5 pool | 6 conv256 7 relu
    // 8 conv256 9 relu 10 pool | 11 conv512 12 relu 13 conv512 14 relu 15 pool | 16 conv512 ...
    Block s0 = new SequentialBlock().addAll(vggConv(64), vggPool());
    Block s1 = new SequentialBlock().addAll(vggConv(128), vggPool());
    Block s2 = new SequentialBlock().addAll(vggConv(256), vggConv(256), vggPool());
    Block s3 = new SequentialBlock().addAll(vggConv(512), vggConv(512), vggPool());
    Block s4 =
        new SequentialBlock()
            .addAll(vggConv(512), vggConv(512), vggPool())
            .add(Pool.globalAvgPool2dBlock())
            .add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(512).build())
            .add(Activation.reluBlock())
            .add(Dropout.builder().optRate(0.5f).build())
            .add(Linear.builder().setUnits(numClasses).build());
    return new SequentialBlock().addAll(s0, s1, s2, s3, s4);
  }

  private static Block vggConv(int filters) {
    return new SequentialBlock()
        .add(Layers.conv(filters, 3, 1, 1, 1, true))
        .add(Activation.reluBlock());
  }

  private static Block vggPool() {
    return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
  }

  private static SequentialBlock mobilenetV2(int numClasses) {
    // features[0] conv 32 s2, [1] IR(32->16,t1), [2..3] IR(->24,s2,t6) x2, [4..6] IR(->32,s2) x3,
    // [7..10] IR(->64,s2) x4, [11..13] IR(->96) x3, [14..16] IR(->160,s2) x3, [17] IR(->320),
    // [18] conv1x1 1280; classifier dropout 0.2 + linear.
    Block s0 =
        new SequentialBlock()
            .add(Layers.convBnRelu6(32, 3, 2, 1))
            .add(Layers.invertedResidual(32, 16, 1, 1));
    Block s1 = Layers.invertedResidual(16, 24, 2, 6);
    Block s2 =
        new SequentialBlock()
            .add(Layers.invertedResidual(24, 24, 1, 6))
            .add(Layers.invertedResidual(24, 32, 2, 6));
    Block s3 =
        new SequentialBlock()
            .add(Layers.invertedResidual(32, 32, 1, 6))
            .add(Layers.invertedResidual(32, 32, 1, 6))
            .add(Layers.invertedResidual(32, 64, 2, 6));
    SequentialBlock s4 = new SequentialBlock();
    for (int i = 0; i < 3; i++) {
      s4.add(Layers.invertedResidual(64, 64, 1, 6));
    }
    s4.add(Layers.invertedResidual(64, 96, 1, 6));
    s4.add(Layers.invertedResidual(96, 96, 1, 6));
    s4.add(Layers.invertedResidual(96, 96, 1, 6));
    s4.add(Layers.invertedResidual(96, 160, 2, 6));
    s4.add(Layers.invertedResidual(160, 160, 1, 6));
    s4.add(Layers.invertedResidual(160, 160, 1, 6));
    s4.add(Layers.invertedResidual(160, 320, 1, 6));
    s4.add(Layers.convBnRelu6(1280, 1, 1, 1))
        .add(Pool.globalAvgPool2dBlock())
        .add(Blocks.batchFlattenBlock())
        .add(Dropout.builder().optRate(0.2f).build())
        .add(Linear.builder().setUnits(numClasses).build());
    return new SequentialBlock().addAll(s0, s1, s2, s3, s4);
  }
}
