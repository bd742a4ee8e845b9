package io.coinfer.compression.accounting;

import io.coinfer.compression.config.CompressionSettings;
import io.coinfer.contracts.events.DecisionRef;
import io.coinfer.contracts.events.UeAccounting;
import io.coinfer.mec.profile.DeviceProfile;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.profile.PointProfile;
import io.coinfer.mec.radio.Uplink;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import org.springframework.stereotype.Component;

/**
 * What a job costs the UE, as mec-core's system model says.
 *
 * <p>Compute: the profile's head time at the point, at the profile's head power. Transmit: the
 * point's payload bits ({@code featureBits / compressionRate}) at the Shannon rate of mec-core's
 * {@link Uplink} with the decided power and sub-channel, against the received power of every other
 * UE whose transmission (as accounted here) overlaps the start of this one on the same sub-channel.
 * Transmissions are laid on the wall clock: a job's transmission starts its compute time after the
 * job is accounted. Unlike the slot simulator, the rate is fixed at the start of a transmission
 * (not recomputed when another UE starts or stops); with one transmitter per sub-channel both agree
 * exactly.
 */
@Component
public class UeCostModel {

  private final Uplink uplink;
  private final Deque<Transmission> inFlight = new ArrayDeque<>();

  /**
   * A cost model with the configured uplink.
   *
   * @param settings the service settings
   */
  public UeCostModel(CompressionSettings settings) {
    this.uplink =
        new Uplink(
            settings.radio().bandwidthHz(),
            settings.radio().pathLossExponent(),
            settings.radio().noiseW());
  }

  /**
   * Accounts one job and records its transmission for the jobs that follow.
   *
   * @param ueId the UE
   * @param profile its device profile
   * @param net its net
   * @param distanceM its distance to the edge server, metres
   * @param decision the decision the job runs with
   * @param nowNanos the accounting instant, {@link System#nanoTime()}
   * @return compute and transmit time and energy
   */
  public UeAccounting account(
      String ueId,
      DeviceProfile profile,
      Net net,
      double distanceM,
      DecisionRef decision,
      long nowNanos) {
    PointProfile point = profile.point(net, decision.point());
    double computeS = point.headSeconds();
    double computeJ = point.headWatts() * computeS;
    if (decision.point() == Net.LOCAL_POINT) {
      return new UeAccounting(computeS, computeJ, 0, 0, 0, 0);
    }
    double bits = point.payloadBits();
    double received = uplink.receivedWatts(decision.powerW(), distanceM);
    long start = nowNanos + (long) (computeS * 1e9);
    double rate;
    synchronized (inFlight) {
      double interference = interferenceAt(start, decision.subChannel(), ueId, nowNanos);
      rate = uplink.rate(received, interference);
      double transmitS = bits / rate;
      inFlight.add(
          new Transmission(
              ueId, decision.subChannel(), received, start, start + (long) (transmitS * 1e9)));
    }
    double transmitS = bits / rate;
    return new UeAccounting(
        computeS, computeJ, transmitS, decision.powerW() * transmitS, bits, rate);
  }

  private double interferenceAt(long instant, int channel, String ueId, long nowNanos) {
    double sum = 0;
    for (Iterator<Transmission> it = inFlight.iterator(); it.hasNext(); ) {
      Transmission t = it.next();
      if (t.endNanos() <= nowNanos) {
        it.remove();
      } else if (t.channel() == channel
          && !t.ueId().equals(ueId)
          && t.startNanos() <= instant
          && instant < t.endNanos()) {
        sum += t.receivedW();
      }
    }
    return sum;
  }

  private record Transmission(
      String ueId, int channel, double receivedW, long startNanos, long endNanos) {}
}
