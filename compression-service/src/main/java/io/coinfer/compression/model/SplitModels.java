package io.coinfer.compression.model;

import io.coinfer.compression.config.CompressionSettings;
import io.coinfer.splitnn.runtime.SplitRuntime;
import io.coinfer.splitnn.store.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The split model of every served net, opened at start (so the service is ready only once they are
 * loaded) and closed with the context.
 */
@Component
public class SplitModels implements DisposableBean {

  private final Map<String, SplitRuntime> byNet = new HashMap<>();

  /**
   * Opens the configured models.
   *
   * @param settings the service settings
   * @throws UncheckedIOException if a configured model does not load
   */
  public SplitModels(CompressionSettings settings) {
    ModelStore store =
        settings.models().home().isBlank()
            ? ModelStore.fromEnvironment()
            : new ModelStore(Path.of(settings.models().home()));
    try {
      for (Map.Entry<String, String> e : settings.models().byNet().entrySet()) {
        byNet.put(e.getKey(), SplitRuntime.open(store, e.getValue()));
      }
    } catch (IOException e) {
      destroy();
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

  @Override
  public void destroy() {
    byNet.values().forEach(SplitRuntime::close);
    byNet.clear();
  }
}
