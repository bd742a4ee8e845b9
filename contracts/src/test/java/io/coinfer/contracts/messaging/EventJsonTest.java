package io.coinfer.contracts.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.JobEvent;
import io.coinfer.contracts.events.UeStateEvent;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
  private final EventJson json = new EventJson(VALIDATION.getValidator());

  @AfterAll
  static void closeValidation() {
    VALIDATION.close();
  }

  @Test
  void shouldReadBackWhatItWroteIncludingBytesAndInstants() {
    // Given a job with image bytes and the decision the gateway held
    JobEvent job = job(decision(2));

    // When it is written and read back
    JobEvent back = json.read(json.write(job), JobEvent.class);

    // Then every field survives
    assertThat(back).usingRecursiveComparison().isEqualTo(job);
    assertThat(new String(json.write(job), StandardCharsets.UTF_8))
        .contains("\"schemaVersion\":1")
        .contains("\"submittedAt\":\"2026-01-01T00:00:00.123456789Z\"");
  }

  @Test
  void shouldReadAJobWithoutADecisionAndRejectOneWithABrokenDecision() {
    // Given a job without a decision (before the UE's first one) and one whose decision has
    // point 7
    byte[] none = json.write(job(null));
    byte[] broken = json.write(job(decision(7)));

    // When / Then the first reads back without one and the second fails, naming the field
    assertThat(json.read(none, JobEvent.class).decision()).isNull();
    assertThatThrownBy(() -> json.read(broken, JobEvent.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("decision.point");
  }

  /** A policy's decision for ue-1 in slot 3 at a point, sub-channel 1, 0.5 W. */
  private static DecisionEvent decision(int point) {
    return new DecisionEvent(
        Event.SCHEMA_VERSION,
        "ue-1",
        3,
        point,
        1,
        0.5,
        "mahppo",
        "v1",
        DecisionSource.POLICY,
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** A job of ue-1 with image bytes, carrying a decision or none. */
  private static JobEvent job(DecisionEvent decision) {
    return new JobEvent(
        Event.SCHEMA_VERSION,
        "job-1",
        "ue-1",
        "resnet18",
        "jetson-nano",
        50,
        1,
        "image/png",
        new byte[] {1, 2, 3, (byte) 255},
        Instant.parse("2026-01-01T00:00:00.123456789Z"),
        decision);
  }

  @Test
  void shouldRejectAnotherSchemaVersion() {
    // Given a decision written with schema version 2
    DecisionEvent decision =
        new DecisionEvent(
            2, "ue-1", 3, 2, 0, 0.5, "local", "builtin", DecisionSource.POLICY, Instant.now());

    // When / Then reading it fails, naming the version
    assertThatThrownBy(() -> json.read(json.write(decision), DecisionEvent.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("schema version 2");
  }

  @Test
  void shouldRejectAConstraintViolationAndGarbage() {
    // Given a decision with point 7 and a non-JSON payload
    DecisionEvent decision =
        new DecisionEvent(
            Event.SCHEMA_VERSION,
            "ue-1",
            3,
            7,
            0,
            0.5,
            "local",
            "builtin",
            DecisionSource.POLICY,
            Instant.now());

    // When / Then both fail to read with what is wrong
    assertThatThrownBy(() -> json.read(json.write(decision), DecisionEvent.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("point");
    assertThatThrownBy(
            () -> json.read("{not json".getBytes(StandardCharsets.UTF_8), DecisionEvent.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("not a DecisionEvent");
  }

  @Test
  void shouldRefuseAnInfiniteNumberThatPassesItsConstraint() {
    // Given a state report whose distance is 1e999 (infinity, which @Positive lets through)
    String state =
        "{\"schemaVersion\":1,\"ueId\":\"ue-1\",\"net\":\"resnet18\","
            + "\"deviceProfile\":\"jetson-nano\",\"distanceM\":1e999,\"pmaxW\":1,"
            + "\"tasksQueued\":0,\"sequence\":0,\"reportedAt\":\"2026-01-01T00:00:00Z\"}";

    // When / Then reading it fails, naming the field
    assertThatThrownBy(() -> json.read(state.getBytes(StandardCharsets.UTF_8), UeStateEvent.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("UeStateEvent is invalid: distanceM must be a finite number");
  }

  @Test
  void shouldReadADecisionWithoutCorrectionsAsUncorrected() {
    // Given a decision written before decisions carried corrections
    String decision =
        "{\"schemaVersion\":1,\"ueId\":\"ue-1\",\"slot\":3,\"point\":2,\"subChannel\":0,"
            + "\"powerW\":0.5,\"policyId\":\"local\",\"policyVersion\":\"builtin\","
            + "\"source\":\"POLICY\",\"decidedAt\":\"2026-01-01T00:00:00Z\"}";

    // When it is read
    DecisionEvent read = json.read(decision.getBytes(StandardCharsets.UTF_8), DecisionEvent.class);

    // Then it has no corrections
    assertThat(read.corrections()).isEmpty();
  }

  @Test
  void shouldDropDuplicatesWithinTheWindowOnly() {
    // Given a window of two ids
    RecentIds ids = new RecentIds(2);

    // When ids arrive, one of them twice
    boolean first = ids.firstTime("a");
    boolean duplicate = ids.firstTime("a");
    ids.firstTime("b");
    ids.firstTime("c");

    // Then the duplicate is dropped, and the oldest id falls out of the window
    assertThat(first).isTrue();
    assertThat(duplicate).isFalse();
    assertThat(ids.firstTime("a")).isTrue();
  }
}
