package io.coinfer.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import io.coinfer.contracts.events.ClassScore;
import io.coinfer.splitnn.codec.CodecInfo;
import io.coinfer.splitnn.codec.CodecSpec;
import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.data.ImageFolder;
import io.coinfer.splitnn.model.Architecture;
import io.coinfer.splitnn.model.DjlSplitModel;
import io.coinfer.splitnn.model.InputSpec;
import io.coinfer.splitnn.runtime.SplitRuntime;
import io.coinfer.splitnn.store.ModelManifest;
import io.coinfer.splitnn.store.ModelStore;
import io.coinfer.splitnn.wire.FeatureWire;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Writes a small split model folder for the platform tests: resnet18 at 32x32 with 10 classes and
 * the paper's default codec at points 1-4, untrained but deterministically initialised (the tests
 * claim equality with a direct run of the same files, not accuracy).
 */
public final class TinySplitModel {

  /** The net the model serves. */
  public static final String NET = "resnet18";

  /** The input's side, pixels. */
  public static final int IMAGE_SIZE = 32;

  private TinySplitModel() {}

  /**
   * Writes the model folder.
   *
   * @param dir an empty folder
   * @return the folder
   */
  public static Path write(Path dir) throws IOException {
    Engine.getInstance().setRandomSeed(42);
    String id = "resnet18-tiny-" + IMAGE_SIZE;
    List<String> labels = IntStream.range(0, 10).mapToObj(i -> "class-" + i).toList();
    Files.createDirectories(dir);
    try (DjlSplitModel model =
        DjlSplitModel.create(id, Architecture.RESNET18, InputSpec.rgb(IMAGE_SIZE), labels)) {
      model.saveParameters(dir.resolve(ModelStore.BACKBONE));
      List<ModelManifest.PointShape> points = new ArrayList<>();
      for (int point = 1; point <= 4; point++) {
        long[] shape = model.featureShape(point).getShape();
        List<Integer> chw = List.of((int) shape[0], (int) shape[1], (int) shape[2]);
        points.add(new ModelManifest.PointShape(point, chw));
        CodecSpec spec = CodecSpec.paperDefault(Architecture.RESNET18, point, chw.get(0));
        try (FeatureCodec codec =
            new FeatureCodec(
                new CodecInfo(id, CodecInfo.defaultId(id, point), 1, spec, chw, false))) {
          ModelStore.saveCodec(dir, codec, null);
        }
      }
      ModelStore.writeManifest(
          dir,
          new ModelManifest(
              ModelManifest.FORMAT_VERSION,
              id,
              ModelManifest.DJL,
              NET,
              InputSpec.rgb(IMAGE_SIZE),
              labels,
              points,
              Map.of("createdBy", "TinySplitModel", "seed", "42")));
    }
    return dir;
  }

  /**
   * A seeded PNG of random pixels at the model's input size.
   *
   * @param seed the seed
   * @return the encoded PNG
   */
  public static byte[] image(int seed) {
    Random random = new Random(seed);
    BufferedImage img = new BufferedImage(IMAGE_SIZE, IMAGE_SIZE, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < IMAGE_SIZE; y++) {
      for (int x = 0; x < IMAGE_SIZE; x++) {
        img.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes a PNG to the model's CHW bytes.
   *
   * @param png the image
   * @return its pixels, channel first
   */
  public static byte[] chw(byte[] png) {
    try {
      return ImageFolder.toChw(ImageIO.read(new ByteArrayInputStream(png)), IMAGE_SIZE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The top-5 of a direct run of the model's files on an image at a point, as the platform should
   * answer it: the whole net at points 0 and 5, head + codec (through the wire format) + tail at
   * points 1-4.
   *
   * @param direct the model's runtime
   * @param point the partition point
   * @param png the image
   * @return the top-5
   */
  public static List<ClassScore> top5(SplitRuntime direct, int point, byte[] png) {
    byte[] chw = chw(png);
    float[] logits =
        switch (point) {
          case 0, 5 -> direct.classify(List.of(chw))[0];
          default ->
              direct
                  .decode(
                      point,
                      List.of(
                          FeatureWire.read(
                              FeatureWire.write(direct.encode(point, List.of(chw)).get(0)),
                              direct.descriptor(point))))[0];
        };
    return ClassScore.topK(logits, direct.labels(), 5);
  }

  /**
   * Asserts two top-5 lists name the same classes in the same order with scores within 1e-4.
   *
   * @param actual the platform's
   * @param expected the direct run's
   */
  public static void assertSameTop5(List<ClassScore> actual, List<ClassScore> expected) {
    assertThat(actual).hasSize(5);
    assertThat(actual.stream().map(ClassScore::classIndex).toList())
        .isEqualTo(expected.stream().map(ClassScore::classIndex).toList());
    for (int i = 0; i < 5; i++) {
      assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-4));
    }
  }
}
