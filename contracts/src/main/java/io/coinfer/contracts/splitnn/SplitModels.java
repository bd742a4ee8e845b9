package io.coinfer.contracts.splitnn;

import io.coinfer.splitnn.runtime.SplitRuntime;
import io.coinfer.splitnn.store.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The splitnn runtime of every served net, opened eagerly (a service that owns one as a bean is
 * ready only once its models are loaded) and closed with it. Used by compression-service and
 * inference-service; splitnn is an optional dependency of contracts, so the gateway does not carry
 * it.
 */
public final class SplitModels implements AutoCloseable {

  private final Map<String, SplitRuntime> byNet = new HashMap<>();
  private final Map<String, Path> dirs = new HashMap<>();
  private final ModelStore store;

  /**
   * Opens the models.
   *
   * @param home the splitnn model store; empty: {@code $COINFER_HOME} or {@code ~/.coinfer}
   * @param modelByNet the model (an id in the store, or a folder) of each served net
   * @throws UncheckedIOException if a model does not load
   */
  public SplitModels(String home, Map<String, String> modelByNet) {
    store =
        home == null || home.isBlank()
            ? ModelStore.fromEnvironment()
            : new ModelStore(Path.of(home));
    try {
      for (Map.Entry<String, String> e : modelByNet.entrySet()) {
        Path dir = store.locate(e.getValue());
        byNet.put(e.getKey(), SplitRuntime.open(dir));
        dirs.put(e.getKey(), dir);
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot open the configured split models", e);
    }
  }

  /**
   * The runtime of a net.
   *
   * @param net the net
   * @return its runtime, or empty if the net is not served
   */
  public Optional<SplitRuntime> of(String net) {
    return Optional.ofNullable(byNet.get(net));
  }

  /**
   * The model store the models are opened from.
   *
   * @return the store
   */
  public ModelStore store() {
    return store;
  }

  /**
   * The model folder of a net.
   *
   * @param net the net
   * @return its folder in the model store, or empty if the net is not served
   */
  public Optional<Path> dir(String net) {
    return Optional.ofNullable(dirs.get(net));
  }

  /**
   * The served nets.
   *
   * @return the nets, sorted
   */
  public java.util.SortedSet<String> nets() {
    return new java.util.TreeSet<>(byNet.keySet());
  }

  @Override
  public void close() {
    byNet.values().forEach(SplitRuntime::close);
    byNet.clear();
  }
}
