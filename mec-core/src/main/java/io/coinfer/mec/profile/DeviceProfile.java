package io.coinfer.mec.profile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The per-point costs of one device for one or more nets: six {@link PointProfile}s per net, in
 * point order.
 *
 * @param name a label for reports, e.g. {@code "jetson-nano"} or the file it was read from
 * @param nets the points of every net the profile covers, each list holding points 0..5 in order
 */
public record DeviceProfile(String name, Map<Net, List<PointProfile>> nets) {

  /** Checks that every net has exactly its six points in order; copies the map. */
  public DeviceProfile {
    if (nets.isEmpty()) {
      throw new IllegalArgumentException("profile '" + name + "' has no nets");
    }
    EnumMap<Net, List<PointProfile>> copy = new EnumMap<>(Net.class);
    for (Map.Entry<Net, List<PointProfile>> entry : nets.entrySet()) {
      List<PointProfile> points = List.copyOf(entry.getValue());
      for (int p = 0; p < Net.POINTS; p++) {
        int wanted = p;
        if (points.stream().noneMatch(pp -> pp.point() == wanted)) {
          throw new IllegalArgumentException(
              "profile '" + name + "': net " + entry.getKey() + " is missing point " + p);
        }
      }
      if (points.size() != Net.POINTS) {
        throw new IllegalArgumentException(
            "profile '"
                + name
                + "': net "
                + entry.getKey()
                + " has "
                + points.size()
                + " rows, expected one per point 0..5");
      }
      copy.put(
          entry.getKey(),
          points.stream()
              .sorted((a, b) -> Integer.compare(a.point(), b.point()))
              .collect(Collectors.toUnmodifiableList()));
    }
    nets = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * @param net a net
   * @return whether this profile has that net
   */
  public boolean covers(Net net) {
    return nets.containsKey(net);
  }

  /**
   * @param net a net this profile covers
   * @return its six points in order
   * @throws IllegalArgumentException when the profile does not cover {@code net}
   */
  public List<PointProfile> points(Net net) {
    List<PointProfile> points = nets.get(net);
    if (points == null) {
      throw new IllegalArgumentException(
          "profile '" + name + "' has no rows for net " + net + "; it covers " + nets.keySet());
    }
    return points;
  }

  /**
   * @param net a net this profile covers
   * @param point 0..5
   * @return the cost of that point
   */
  public PointProfile point(Net net, int point) {
    return points(net).get(point);
  }

  /**
   * @param net a net this profile covers
   * @return whether points 0..4 of that net all carry an edge tail time (needed by the edge-compute
   *     option; point 5 sends nothing to the edge)
   */
  public boolean hasEdgeTailTimes(Net net) {
    return points(net).stream()
        .filter(p -> p.point() != Net.LOCAL_POINT)
        .allMatch(p -> p.edgeTailSeconds().isPresent());
  }

  /**
   * @param net a net this profile covers
   * @return the UE time to run the whole net locally (point 5), in seconds: the time scale of the
   *     normalised state
   */
  public double fullLocalSeconds(Net net) {
    return point(net, Net.LOCAL_POINT).headSeconds();
  }
}
