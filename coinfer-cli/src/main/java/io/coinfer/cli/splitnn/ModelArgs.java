package io.coinfer.cli.splitnn;

import java.util.ArrayList;
import java.util.List;

/** Parses the partition points a command works on. */
final class ModelArgs {

  private ModelArgs() {}

  /** {@code "all"} or a comma list such as {@code 1,3} to points within 1..4. */
  static List<Integer> points(String spec) {
    if (spec.equals("all")) {
      return List.of(1, 2, 3, 4);
    }
    List<Integer> out = new ArrayList<>();
    for (String part : spec.split(",")) {
      int point = Integer.parseInt(part.trim());
      if (point < 1 || point > 4) {
        throw new IllegalArgumentException("codec points are 1..4, was " + point);
      }
      out.add(point);
    }
    return out;
  }
}
