package io.coinfer.mec.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three DNNs of the paper. Each has six partition points, 0 (send the raw image) to 5. */
public enum Net {
  /** torchvision vgg11. */
  VGG11("vgg11"),
  /** torchvision resnet18. */
  RESNET18("resnet18"),
  /** torchvision mobilenet_v2. */
  MOBILENETV2("mobilenetv2");

  /** Number of partition points per net: 0 = raw image, 1..4 = compressed feature, 5 = local. */
  public static final int POINTS = 6;

  /** Point 0: nothing runs on the UE, the raw image is sent. */
  public static final int EDGE_POINT = 0;

  /** Point 5: the whole net runs on the UE, nothing is sent. */
  public static final int LOCAL_POINT = 5;

  private final String id;

  Net(String id) {
    this.id = id;
  }

  /**
   * @return the lower-case id used in files and on the command line, e.g. {@code "resnet18"}
   */
  public String id() {
    return id;
  }

  /**
   * Parses an id (case-insensitive; {@code mobilenet_v2} is accepted for mobilenetv2).
   *
   * @param text the id
   * @return the net
   * @throws IllegalArgumentException naming the known ids when {@code text} is unknown
   */
  public static Net parse(String text) {
    String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace("_", "");
    for (Net net : values()) {
      if (net.id.equals(key)) {
        return net;
      }
    }
    throw new IllegalArgumentException(
        "unknown net '"
            + text
            + "'; known nets: "
            + Arrays.stream(values()).map(Net::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
