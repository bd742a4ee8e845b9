package io.coinfer.orchestrator.slot;

import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.Event;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.schedule.UeContext;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.Phase;
import io.coinfer.mec.sim.ScenarioConfig;
import io.coinfer.orchestrator.policy.PolicyRegistry;
import io.coinfer.orchestrator.policy.PolicySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One slot's decisions for every registered UE. UEs with fresh state are grouped by net and each
 * group is decided by the active policy's scheduler for that net and group size; a UE with stale
 * state, or a group the active policy cannot serve, is decided by the fallback policy, and its
 * decision says so.
 *
 * <p>The state a scheduler sees per UE is the paper's four numbers as far as the platform knows
 * them: tasks queued over the largest queue reported, 0 for compute time left and bits left (the
 * platform does not see a UE's phase), and the normalised distance.
 */
public final class DecisionStep {

  private final UeBook book;
  private final PolicyRegistry policies;
  private final Duration staleAfter;

  /**
   * A decision step over the UE book.
   *
   * @param book the UEs
   * @param policies the policies
   * @param staleAfter how old a UE's last report may be before it gets the fallback policy
   */
  public DecisionStep(UeBook book, PolicyRegistry policies, Duration staleAfter) {
    this.book = book;
    this.policies = policies;
    this.staleAfter = staleAfter;
  }

  /**
   * Decides for every registered UE; call from one thread at a time.
   *
   * @param slot the slot number
   * @param now the slot start
   * @return one decision per UE
   */
  public List<DecisionEvent> decide(long slot, Instant now) {
    PolicySpec active = policies.active();
    PolicySpec fallback = policies.fallback();
    Map<Net, List<UeBook.Entry>> fresh = new EnumMap<>(Net.class);
    Map<Net, List<UeBook.Entry>> stale = new EnumMap<>(Net.class);
    Instant freshSince = now.minus(staleAfter);
    for (UeBook.Entry ue : book.snapshot()) {
      Net net = Net.parse(ue.state().net());
      (ue.receivedAt().isBefore(freshSince) ? stale : fresh)
          .computeIfAbsent(net, n -> new ArrayList<>())
          .add(ue);
    }
    List<DecisionEvent> decisions = new ArrayList<>(book.size());
    Instant decidedAt = Instant.now();
    fresh.forEach(
        (net, group) -> {
          var scheduler = policies.scheduler(active, net, group.size());
          if (scheduler.isPresent()) {
            run(
                scheduler.get(),
                active,
                DecisionSource.POLICY,
                net,
                group,
                slot,
                decidedAt,
                decisions);
          } else {
            run(
                policies.scheduler(fallback, net, group.size()).orElseThrow(),
                fallback,
                DecisionSource.FALLBACK_FLEET_UNSUPPORTED,
                net,
                group,
                slot,
                decidedAt,
                decisions);
          }
        });
    stale.forEach(
        (net, group) ->
            run(
                policies.scheduler(fallback, net, group.size()).orElseThrow(),
                fallback,
                DecisionSource.FALLBACK_STALE_STATE,
                net,
                group,
                slot,
                decidedAt,
                decisions));
    return decisions;
  }

  private void run(
      Scheduler scheduler,
      PolicySpec policy,
      DecisionSource source,
      Net net,
      List<UeBook.Entry> group,
      long slot,
      Instant decidedAt,
      List<DecisionEvent> out) {
    ScenarioConfig cfg = policies.config(net, group.size());
    double[] state = new double[4 * group.size()];
    List<UeContext> contexts = new ArrayList<>(group.size());
    double span = cfg.dmaxMeters() - cfg.dminMeters();
    for (int i = 0; i < group.size(); i++) {
      UeBook.Entry ue = group.get(i);
      int tasks = ue.state().tasksQueued();
      state[4 * i] = (double) tasks / ue.maxTasks();
      state[4 * i + 3] = (ue.state().distanceM() - cfg.dminMeters()) / span;
      contexts.add(
          new UeContext(
              i,
              ue.state().distanceM(),
              tasks,
              ue.maxTasks(),
              tasks > 0 ? Phase.COMPUTE : Phase.IDLE,
              ue.lastAction(),
              ue.lastAction(),
              0,
              0));
    }
    Action[] actions =
        scheduler.decide(
            new SchedulingContext(state, contexts, cfg, (int) Math.min(slot, Integer.MAX_VALUE)));
    for (int i = 0; i < group.size(); i++) {
      UeBook.Entry ue = group.get(i);
      Action action = actions[i];
      double power =
          Math.max(Action.MIN_POWER_WATTS, Math.min(action.powerWatts(), ue.state().pmaxW()));
      book.decided(ue.state().ueId(), action);
      out.add(
          new DecisionEvent(
              Event.SCHEMA_VERSION,
              ue.state().ueId(),
              slot,
              action.point(),
              action.channel(),
              power,
              policy.id(),
              policy.version(),
              source,
              decidedAt));
    }
  }
}
