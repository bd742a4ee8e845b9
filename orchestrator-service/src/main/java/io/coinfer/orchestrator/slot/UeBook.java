package io.coinfer.orchestrator.slot;

import io.coinfer.contracts.events.UeStateEvent;
import io.coinfer.mec.sim.Action;
import io.coinfer.orchestrator.policy.PolicySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The latest state of every registered UE, fed from the compacted topic, the last action each UE
 * was given (the {@code pending} action a scheduler sees) and the last one it was given with tasks
 * queued. Thread-safe: the consumer writes, the slot thread reads.
 */
@Component
public class UeBook {

  private final Map<String, Entry> ues = new ConcurrentHashMap<>();

  /**
   * Records a state report; an older report (lower sequence: reports may arrive out of order) never
   * replaces a newer one, and a replay of the same report does not make it fresher.
   *
   * @param state the report
   * @param receivedAt when the orchestrator received it
   */
  public void report(UeStateEvent state, Instant receivedAt) {
    ues.merge(
        state.ueId(),
        new Entry(state, receivedAt, Action.local(0), Math.max(1, state.tasksQueued()), null),
        (old, neu) ->
            neu.state().sequence() < old.state().sequence()
                ? old
                : new Entry(
                    neu.state(),
                    receivedAt,
                    old.lastAction(),
                    Math.max(old.maxTasks(), neu.state().tasksQueued()),
                    old.taskDecision()));
  }

  /**
   * Forgets a deregistered UE.
   *
   * @param ueId the UE id
   */
  public void remove(String ueId) {
    ues.remove(ueId);
  }

  /**
   * Remembers the action a UE was given, for the next slot's scheduler, and, when it was decided
   * for a UE with tasks queued, as its task decision.
   *
   * @param ueId the UE id
   * @param action the action
   * @param policy the policy that decided it
   * @param forTasks whether the state it was decided on had tasks queued (a report that arrived
   *     since does not count)
   */
  void decided(String ueId, Action action, PolicySpec policy, boolean forTasks) {
    ues.computeIfPresent(
        ueId,
        (id, e) ->
            new Entry(
                e.state(),
                e.receivedAt(),
                action,
                e.maxTasks(),
                forTasks ? new TaskDecision(action, policy) : e.taskDecision()));
  }

  /**
   * Every registered UE, in UE id order (so that a UE keeps its index while the fleet is stable).
   *
   * @return a snapshot
   */
  public List<Entry> snapshot() {
    List<Entry> all = new ArrayList<>(ues.values());
    all.sort(Comparator.comparing(e -> e.state().ueId()));
    return all;
  }

  /**
   * How many UEs are registered.
   *
   * @return the count
   */
  public int size() {
    return ues.size();
  }

  /**
   * One UE.
   *
   * @param state its latest report
   * @param receivedAt when that report arrived
   * @param lastAction the last action it was given (at first: local, channel 0, ~0 W, as in the
   *     paper's test scenario)
   * @param maxTasks the largest queue it has reported, at least 1 (the scale of its task state)
   * @param taskDecision the last action it was given while its latest report had tasks queued, or
   *     null before the first
   */
  public record Entry(
      UeStateEvent state,
      Instant receivedAt,
      Action lastAction,
      int maxTasks,
      TaskDecision taskDecision) {

    /**
     * When the latest report was made: the earlier of the gateway's stamp and its arrival here, so
     * that a report re-read from the compacted topic after a restart is as old as it really is.
     *
     * @return the report's time
     */
    public Instant reportedAt() {
      return state.reportedAt().isBefore(receivedAt) ? state.reportedAt() : receivedAt;
    }
  }

  /**
   * An action given to a UE with tasks queued, and the policy that gave it.
   *
   * @param action the action
   * @param policy the policy
   */
  public record TaskDecision(Action action, PolicySpec policy) {}
}
