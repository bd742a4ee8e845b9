package io.coinfer.cli.up;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports {@code coinfer up} opens on 127.0.0.1. Each service's management port (actuator:
 * health, info, prometheus) is its port + {@value #MANAGEMENT_OFFSET}.
 *
 * @param kafka the Kafka broker's client port (default 9092)
 * @param gateway ue-gateway's REST port (default 8080)
 * @param orchestrator orchestrator-service's REST port (default 8081)
 * @param compression compression-service's REST port (default 8082)
 * @param inference inference-service's REST port (default 8083)
 */
public record Ports(int kafka, int gateway, int orchestrator, int compression, int inference) {

  /** The distance of a service's management port from its REST port. */
  public static final int MANAGEMENT_OFFSET = 1000;

  /** Checks that every port is a valid TCP port and that no two services share one. */
  public Ports {
    Map<Integer, String> seen = new LinkedHashMap<>();
    int[] all = {kafka, gateway, orchestrator, compression, inference};
    String[] names = {"kafka", "gateway", "orchestrator", "compression", "inference"};
    for (int i = 0; i < all.length; i++) {
      if (all[i] < 1 || all[i] > 65535 - MANAGEMENT_OFFSET) {
        throw new IllegalArgumentException(
            names[i] + " port must be in 1.." + (65535 - MANAGEMENT_OFFSET) + ", was " + all[i]);
      }
      claim(seen, all[i], names[i]);
      if (i > 0) {
        claim(seen, all[i] + MANAGEMENT_OFFSET, names[i] + " management");
      }
    }
  }

  /**
   * @param port a service's REST port
   * @return its management port
   */
  public static int management(int port) {
    return port + MANAGEMENT_OFFSET;
  }

  /**
   * @return service name to REST port, in start order of the table
   */
  public Map<String, Integer> services() {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("ue-gateway", gateway);
    out.put("orchestrator-service", orchestrator);
    out.put("compression-service", compression);
    out.put("inference-service", inference);
    return out;
  }

  private static void claim(Map<Integer, String> seen, int port, String name) {
    String other = seen.putIfAbsent(port, name);
    if (other != null) {
      throw new IllegalArgumentException(
          name + " and " + other + " would share port " + port + "; choose another");
    }
  }
}
