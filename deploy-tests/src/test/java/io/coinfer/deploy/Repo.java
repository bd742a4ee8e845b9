package io.coinfer.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Files of the repository under test and small helpers to read YAML trees. */
final class Repo {

  /** The four platform services with their fixed ports (the lead's conventions). */
  record Service(String name, String valuesKey, int port, int managementPort) {}

  static final List<Service> SERVICES =
      List.of(
          new Service("ue-gateway", "ueGateway", 8080, 9080),
          new Service("orchestrator-service", "orchestratorService", 8081, 9081),
          new Service("compression-service", "compressionService", 8082, 9082),
          new Service("inference-service", "inferenceService", 8083, 9083));

  private Repo() {}

  /** The repository root: the system property {@code coinfer.root} (set by the pom) or "..". */
  static Path root() {
    return Path.of(System.getProperty("coinfer.root", "..")).toAbsolutePath().normalize();
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads every document of a YAML stream, dropping empty ones. */
  static List<Map<String, Object>> loadAll(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(16 * 1024 * 1024);
    // Kubernetes' strict decoding rejects duplicate fields: so do we.
    options.setAllowDuplicateKeys(false);
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml(new SafeConstructor(options)).loadAll(yaml)) {
      if (doc != null) {
        docs.add(map(doc));
      }
    }
    return docs;
  }

  static Map<String, Object> loadOne(Path file) {
    List<Map<String, Object>> docs = loadAll(read(file));
    if (docs.size() != 1) {
      throw new IllegalStateException(file + ": expected one YAML document, got " + docs.size());
    }
    return docs.get(0);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    if (!(o instanceof Map)) {
      throw new IllegalStateException("not a mapping: " + o);
    }
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    if (!(o instanceof List)) {
      throw new IllegalStateException("not a list: " + o);
    }
    return (List<Object>) o;
  }

  /** Follows a dotted path of mapping keys; null when a key is missing. */
  static Object at(Object tree, String dottedPath) {
    Object node = tree;
    for (String key : dottedPath.split("\\.")) {
      if (!(node instanceof Map<?, ?> m)) {
        return null;
      }
      node = m.get(key);
    }
    return node;
  }

  static Map<String, Object> mapAt(Object tree, String dottedPath) {
    return map(at(tree, dottedPath));
  }

  static List<Object> listAt(Object tree, String dottedPath) {
    return list(at(tree, dottedPath));
  }
}
