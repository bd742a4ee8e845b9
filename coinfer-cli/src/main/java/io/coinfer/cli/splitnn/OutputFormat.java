package io.coinfer.cli.splitnn;

import io.coinfer.splitnn.store.ModelStore;

/** How a command prints its result on stdout. */
enum OutputFormat {
  /** Human-readable lines. */
  text,
  /** One JSON document. */
  json;

  /** Prints {@code result} as JSON, or {@code text} when the format is text. */
  void print(Object result, String text) {
    System.out.println(this == json ? ModelStore.toJson(result) : text);
  }
}
