package io.coinfer.splitnn.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the built-in {@link Architecture}s as a {@link SplitModel}: a DJL {@link SequentialBlock}
 * of five segments whose boundaries are the partition points.
 *
 * <p>Weights start from He (Kaiming) normal initialisation with a fixed seed, or are loaded from a
 * parameter file written by {@link #saveParameters(Path)}. The model owns a DJL {@link Model};
 * close it when done.
 */
public final class DjlSplitModel implements SplitModel {

  private final String id;
  private final Architecture architecture;
  private final InputSpec input;
  private final List<String> labels;
  private final Model model;
  private final SequentialBlock net;
  private final Shape[] pointShapes;

  static {
    TorchThreads.configure();
    NativeHeap.keepFreedMemory();
  }

  private DjlSplitModel(
      String id, Architecture architecture, InputSpec input, List<String> labels) {
    this.id = id;
    this.architecture = architecture;
    this.input = input;
    this.labels = List.copyOf(labels);
    this.net = architecture.build(labels.size());
    this.model = Model.newInstance(id);
    try {
      net.setInitializer(
          new XavierInitializer(
              XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2),
          Parameter.Type.WEIGHT);
      model.setBlock(net);
      Shape batchOfOne = new Shape(1, input.channels(), input.height(), input.width());
      net.initialize(model.getNDManager(), DataType.FLOAT32, batchOfOne);
      this.pointShapes = new Shape[SplitModel.FULL + 1];
      Shape current = batchOfOne;
      pointShapes[0] = current.slice(1);
      List<Block> segments = segments();
      for (int i = 0; i < segments.size(); i++) {
        current = segments.get(i).getOutputShapes(new Shape[] {current})[0];
        pointShapes[i + 1] = current.slice(1);
      }
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * Builds a freshly initialised model. Initialisation is deterministic for a given engine seed
   * ({@code Engine.getInstance().setRandomSeed}).
   *
   * @param id the model id
   * @param architecture the family
   * @param input the input size and normalisation
   * @param labels one label per class (at least 2)
   */
  public static DjlSplitModel create(
      String id, Architecture architecture, InputSpec input, List<String> labels) {
    return new DjlSplitModel(id, architecture, input, labels);
  }

  /** The family this model belongs to. */
  public Architecture architecture() {
    return architecture;
  }

  /** The DJL model that owns the parameters (used to create trainers). */
  public Model model() {
    return model;
  }

  /** The whole network (five segments); its parameters are the backbone's. */
  public SequentialBlock block() {
    return net;
  }

  /** The five segments; segment i runs from point i to point i+1. */
  public List<Block> segments() {
    return new ArrayList<>(net.getChildren().values());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public InputSpec input() {
    return input;
  }

  @Override
  public List<String> labels() {
    return labels;
  }

  @Override
  public Shape featureShape(int point) {
    return pointShapes[SplitModel.checkPoint(point)];
  }

  @Override
  public NDArray head(int point, NDArray images, boolean training) {
    return runSegments(0, SplitModel.checkPoint(point), images, training);
  }

  @Override
  public NDArray tail(int point, NDArray features, boolean training) {
    return runSegments(SplitModel.checkPoint(point), SplitModel.FULL, features, training);
  }

  /**
   * Runs segments {@code [from, to)} on a batch. Batch normalisation always uses running statistics
   * unless {@code training} is true.
   */
  public NDArray runSegments(int from, int to, NDArray x, boolean training) {
    return runSegments(from, to, x, training, new ParameterStore(x.getManager(), false));
  }

  /**
   * Runs segments {@code [from, to)} with a trainer's parameter store, so that the trainer updates
   * the parameters it sees.
   */
  public NDArray runSegments(int from, int to, NDArray x, boolean training, ParameterStore store) {
    List<Block> segments = segments();
    NDList current = new NDList(x);
    for (int i = from; i < to; i++) {
      current = segments.get(i).forward(store, current, training);
    }
    return current.singletonOrThrow();
  }

  /** Writes the backbone's parameters (DJL's parameter format) to {@code file}. */
  public void saveParameters(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file);
        DataOutputStream data = new DataOutputStream(out)) {
      net.saveParameters(data);
    }
  }

  /**
   * Loads the backbone's parameters from a file written by {@link #saveParameters(Path)}.
   *
   * @throws IOException when the file cannot be read or belongs to another architecture
   */
  public void loadParameters(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        DataInputStream data = new DataInputStream(in)) {
      net.loadParameters(model.getNDManager(), data);
    } catch (ai.djl.MalformedModelException e) {
      throw new IOException(
          "parameters in " + file + " do not fit " + architecture.id() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
