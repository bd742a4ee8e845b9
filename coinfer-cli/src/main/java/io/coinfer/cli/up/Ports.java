package io.coinfer.cli.up;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
   * Free ports on 127.0.0.1 for a platform that must not clash with another one on this machine
   * (e.g. {@code coinfer bench load} next to {@code coinfer up}): each service port and its
   * management port were free a moment ago.
   *
   * @return the ports
   * @throws IllegalStateException when no free ports are found
   */
  public static Ports free() {
    Set<Integer> taken = new HashSet<>();
    int[] ports = new int[5];
    int found = 0;
    for (int attempt = 0; attempt < 200 && found < ports.length; attempt++) {
      int port = freePort(0);
      boolean usable =
          port > 0
              && port <= 65535 - MANAGEMENT_OFFSET
              && !taken.contains(port)
              && !taken.contains(port + MANAGEMENT_OFFSET)
              && (found == 0 || freePort(port + MANAGEMENT_OFFSET) > 0);
      if (usable) {
        taken.add(port);
        taken.add(port + MANAGEMENT_OFFSET);
        ports[found++] = port;
      }
    }
    if (found < ports.length) {
      throw new IllegalStateException("cannot find five free ports on 127.0.0.1");
    }
    return new Ports(ports[0], ports[1], ports[2], ports[3], ports[4]);
  }

  /** Binds a port (0: any) on 127.0.0.1 and frees it; returns it, or -1 when it is taken. */
  private static int freePort(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      return -1;
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
