package io.coinfer.orchestrator.slot;

import io.coinfer.contracts.events.DecisionCorrection;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.Event;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.schedule.UeContext;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.ScenarioConfig;
import io.coinfer.orchestrator.policy.PolicyRegistry;
import io.coinfer.orchestrator.policy.PolicySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One slot's decisions for every registered UE. UEs with fresh state are grouped by net and each
 * group is decided by the active policy's scheduler for that net and group size; a UE with stale
 * state (its last report made longer ago than {@code staleAfter}), or a group the active policy
 * cannot serve, is decided by the fallback policy, and its decision says so.
 *
 * <p>The active policy's actions are checked before they are published: a power above the system's
 * pmax is clamped to pmax ({@link DecisionSource#POLICY_CLAMPED}); a power that is not positive or
 * not finite, a point outside 0..5 or a sub-channel outside 0..C-1 hands that UE to the fallback
 * policy ({@link DecisionSource#FALLBACK_INVALID_ACTION}); a policy that throws or returns the
 * wrong number of actions hands its whole group to the fallback. The decision lists the broken
 * rules in {@link DecisionEvent#corrections()}. A UE's own pmax caps every decided power further.
 *
 * <p>The state a scheduler sees per UE is the paper's four numbers as far as the platform knows
 * them. UE reports carry the queue but not the progress of the task in flight, so each UE with
 * tasks is described as about to start its next task under the action it was last given, as every
 * UE is at an episode start ({@link UeContext#atTaskStart}): tasks queued over the largest queue
 * reported, the head's full compute time and payload at that action's point, and the normalised
 * distance; a UE with an empty queue is idle, as a simulated UE that has finished.
 *
 * <p>A job that arrives during the slot runs with its UE's decision, so an idle UE must not get the
 * action a policy gives a finished UE, which means nothing in a simulated episode (MAHPPO's actors
 * never learned it; mobilenetv2's sent such jobs' raw images at 0.013 W, 169 ms each). An idle UE
 * keeps the active policy's last decision for it while it had tasks queued, as {@code greedy} keeps
 * an idle UE's last choice; before its first such decision it gets the policy's.
 *
 * <p>The UEs serve streams of jobs ({@link SchedulingContext#streaming}), so {@code static-search},
 * which plans once for good, plans an episode in which every UE holds a full batch from its last
 * action, not the few jobs queued at the first slot. {@code mahppo:plan<K>} plans again at every
 * slot from the queues reported.
 */
public final class DecisionStep {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionStep.class);

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
      (ue.reportedAt().isBefore(freshSince) ? stale : fresh)
          .computeIfAbsent(net, n -> new ArrayList<>())
          .add(ue);
    }
    List<DecisionEvent> decisions = new ArrayList<>(book.size());
    Instant decidedAt = Instant.now();
    fresh.forEach(
        (net, group) -> {
          Group at = new Group(net, group, slot, decidedAt, decisions);
          var scheduler = policies.scheduler(active, net, group.size());
          if (scheduler.isPresent()) {
            decideChecked(scheduler.get(), active, fallback, at);
          } else {
            decideAll(fallback, DecisionSource.FALLBACK_FLEET_UNSUPPORTED, List.of(), at);
          }
        });
    stale.forEach(
        (net, group) ->
            decideAll(
                fallback,
                DecisionSource.FALLBACK_STALE_STATE,
                List.of(),
                new Group(net, group, slot, decidedAt, decisions)));
    return decisions;
  }

  /**
   * The active policy's actions, checked: a power above pmax is clamped; any other broken rule
   * hands that UE to the fallback policy; a policy that throws or returns the wrong number of
   * actions hands the whole group to it.
   */
  private void decideChecked(
      Scheduler scheduler, PolicySpec active, PolicySpec fallback, Group at) {
    ScenarioConfig cfg = policies.config(at.net(), at.ues().size());
    SchedulingContext ctx = context(at, cfg);
    Action[] actions;
    try {
      actions = scheduler.decide(ctx);
    } catch (RuntimeException e) {
      LOG.warn("policy {} failed for {} UEs of {}", active.spec(), at.ues().size(), at.net(), e);
      actions = null;
    }
    if (actions == null
        || actions.length != at.ues().size()
        || Arrays.stream(actions).anyMatch(Objects::isNull)) {
      decideAll(
          fallback,
          DecisionSource.FALLBACK_INVALID_ACTION,
          List.of(DecisionCorrection.POLICY_FAILED),
          at);
      return;
    }
    Action[] fallbackActions = null;
    for (int i = 0; i < actions.length; i++) {
      Action action = actions[i];
      UeBook.Entry ue = at.ues().get(i);
      UeBook.TaskDecision held = ue.taskDecision();
      if (ue.state().tasksQueued() == 0 && held != null && held.policy().equals(active)) {
        emit(at, i, held.action(), active, DecisionSource.POLICY, List.of());
        continue;
      }
      List<DecisionCorrection> broken = brokenRules(action, cfg);
      if (broken.isEmpty()) {
        emit(at, i, action, active, DecisionSource.POLICY, broken);
      } else if (broken.equals(List.of(DecisionCorrection.POWER_ABOVE_PMAX))) {
        Action clamped = new Action(action.point(), action.channel(), cfg.pmaxWatts());
        emit(at, i, clamped, active, DecisionSource.POLICY_CLAMPED, broken);
      } else {
        if (fallbackActions == null) {
          fallbackActions = fallbackScheduler(fallback, at).decide(ctx);
        }
        emit(at, i, fallbackActions[i], fallback, DecisionSource.FALLBACK_INVALID_ACTION, broken);
      }
    }
  }

  /**
   * The rules an action breaks, in {@link DecisionCorrection}'s order: at most one power rule, then
   * the point, then the sub-channel.
   *
   * @param action the action
   * @param cfg the system it is for
   * @return the broken rules, empty for a valid action
   */
  static List<DecisionCorrection> brokenRules(Action action, ScenarioConfig cfg) {
    List<DecisionCorrection> broken = new ArrayList<>(3);
    double power = action.powerWatts();
    if (!Double.isFinite(power)) {
      broken.add(DecisionCorrection.POWER_NOT_FINITE);
    } else if (power <= 0) {
      broken.add(DecisionCorrection.POWER_NOT_POSITIVE);
    } else if (power > cfg.pmaxWatts()) {
      broken.add(DecisionCorrection.POWER_ABOVE_PMAX);
    }
    if (action.point() < 0 || action.point() > Net.LOCAL_POINT) {
      broken.add(DecisionCorrection.POINT_OUT_OF_RANGE);
    }
    if (action.channel() < 0 || action.channel() >= cfg.channels()) {
      broken.add(DecisionCorrection.SUB_CHANNEL_OUT_OF_RANGE);
    }
    return broken;
  }

  private void decideAll(
      PolicySpec policy, DecisionSource source, List<DecisionCorrection> corrections, Group at) {
    ScenarioConfig cfg = policies.config(at.net(), at.ues().size());
    Action[] actions = fallbackScheduler(policy, at).decide(context(at, cfg));
    for (int i = 0; i < actions.length; i++) {
      emit(at, i, actions[i], policy, source, corrections);
    }
  }

  private Scheduler fallbackScheduler(PolicySpec fallback, Group at) {
    return policies.scheduler(fallback, at.net(), at.ues().size()).orElseThrow();
  }

  private static SchedulingContext context(Group at, ScenarioConfig cfg) {
    List<UeContext> contexts = new ArrayList<>(at.ues().size());
    for (UeBook.Entry ue : at.ues()) {
      contexts.add(
          UeContext.atTaskStart(
              contexts.size(),
              ue.state().distanceM(),
              ue.state().tasksQueued(),
              ue.maxTasks(),
              ue.lastAction(),
              cfg));
    }
    return SchedulingContext.of(contexts, cfg, (int) Math.min(at.slot(), Integer.MAX_VALUE))
        .streaming();
  }

  /** Publishes one UE's decision, its power capped further at the UE's own pmax. */
  private void emit(
      Group at,
      int index,
      Action action,
      PolicySpec policy,
      DecisionSource source,
      List<DecisionCorrection> corrections) {
    UeBook.Entry ue = at.ues().get(index);
    double power = Math.min(action.powerWatts(), ue.state().pmaxW());
    book.decided(ue.state().ueId(), action, policy, ue.state().tasksQueued() > 0);
    at.out()
        .add(
            new DecisionEvent(
                Event.SCHEMA_VERSION,
                ue.state().ueId(),
                at.slot(),
                action.point(),
                action.channel(),
                power,
                policy.id(),
                policy.version(),
                source,
                at.decidedAt(),
                corrections));
  }

  /** One group's part of a slot: its net and UEs, and where its decisions go. */
  private record Group(
      Net net, List<UeBook.Entry> ues, long slot, Instant decidedAt, List<DecisionEvent> out) {}
}
