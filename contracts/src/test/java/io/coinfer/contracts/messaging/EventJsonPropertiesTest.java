package io.coinfer.contracts.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinfer.contracts.events.DecisionCorrection;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.UeStateEvent;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Properties of the state and decision JSON: a valid event round-trips exactly, and any other input
 * either reads as a whole valid event or is refused with {@link InvalidEventException}.
 */
class EventJsonPropertiesTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
  private static final JsonMapper TREE = JsonMapper.builder().build();

  /** JSON values a hostile or broken writer might put in any field. */
  private static final List<String> HOSTILE =
      List.of(
          "null",
          "\"\"",
          "\" \"",
          "-1",
          "0",
          "1.5",
          "7",
          "1e999",
          "-1e999",
          "\"NaN\"",
          "\"Infinity\"",
          "\"-Infinity\"",
          "NaN",
          "true",
          "{}",
          "[]",
          "[null]",
          "\"x\"",
          "9223372036854775808",
          "2147483648",
          "\"2026-01-01T00:00:00Z\"",
          "\"POLICY\"",
          "\"NOPE\"",
          "[\"POWER_ABOVE_PMAX\"]",
          "[\"NOPE\"]",
          "1e-400",
          "-0.0");

  private final EventJson json = new EventJson(VALIDATION.getValidator());

  @AfterContainer
  static void closeValidation() {
    VALIDATION.close();
  }

  @Provide
  Arbitrary<UeStateEvent> states() {
    return Combinators.combine(
            ids(),
            Arbitraries.of("vgg11", "resnet18", "mobilenetv2"),
            Arbitraries.doubles().between(1e-3, 1e6).ofScale(6),
            Arbitraries.doubles().between(1e-6, 10).ofScale(9),
            Arbitraries.integers().greaterOrEqual(0),
            Arbitraries.longs().greaterOrEqual(0),
            instants())
        .as(
            (ue, net, d, p, tasks, seq, at) ->
                new UeStateEvent(
                    Event.SCHEMA_VERSION, ue, net, "jetson-nano", d, p, tasks, seq, at));
  }

  @Provide
  Arbitrary<DecisionEvent> decisions() {
    return Combinators.combine(
            ids(),
            Arbitraries.longs().greaterOrEqual(0),
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, 64),
            Arbitraries.doubles().between(1e-10, 10).ofScale(12).filter(p -> p > 0),
            Arbitraries.of(DecisionSource.class),
            instants(),
            Arbitraries.of(DecisionCorrection.class).list().ofMaxSize(3))
        .as(
            (ue, slot, point, channel, power, source, at, corrections) ->
                new DecisionEvent(
                    Event.SCHEMA_VERSION,
                    ue,
                    slot,
                    point,
                    channel,
                    power,
                    "greedy",
                    "builtin",
                    source,
                    at,
                    corrections));
  }

  @Property(tries = 300)
  void shouldRoundTripEveryValidState(@ForAll("states") UeStateEvent state) {
    assertThat(json.read(json.write(state), UeStateEvent.class)).isEqualTo(state);
  }

  @Property(tries = 300)
  void shouldRoundTripEveryValidDecision(@ForAll("decisions") DecisionEvent decision) {
    assertThat(json.read(json.write(decision), DecisionEvent.class)).isEqualTo(decision);
  }

  @Property(tries = 2000)
  void shouldReadAMutatedStateOrDecisionWhollyValidOrRefuseIt(
      @ForAll("events") Event event,
      @ForAll @IntRange(min = 0, max = 100) int field,
      @ForAll("hostile") String value,
      @ForAll @IntRange(min = 0, max = 2) int how) {
    byte[] mutated = mutate(json.write(event), field, value, how);
    readOrRefuse(mutated, event.getClass());
  }

  @Provide
  Arbitrary<Event> events() {
    return Arbitraries.oneOf(states(), decisions());
  }

  @Property(tries = 500)
  void shouldReadATruncatedOrBitFlippedDecisionWhollyValidOrRefuseIt(
      @ForAll("decisions") DecisionEvent decision,
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll @IntRange(min = 0, max = 7) int bit,
      @ForAll boolean truncate) {
    byte[] bytes = json.write(decision);
    int at = position % bytes.length;
    if (truncate) {
      bytes = java.util.Arrays.copyOf(bytes, at);
    } else {
      bytes[at] ^= (byte) (1 << bit);
    }
    readOrRefuse(bytes, DecisionEvent.class);
    readOrRefuse(bytes, UeStateEvent.class);
  }

  @Property(tries = 500)
  void shouldRefuseRandomBytesWithInvalidEventException(@ForAll @Size(max = 300) byte[] bytes) {
    readOrRefuse(bytes, UeStateEvent.class);
    readOrRefuse(bytes, DecisionEvent.class);
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.oneOf(
        Arbitraries.of(HOSTILE),
        Arbitraries.strings().ofMaxLength(8).map(s -> TREE.writeValueAsString(s)));
  }

  private static Arbitrary<String> ids() {
    return Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(36);
  }

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(0, 4_102_444_800L)
        .flatMap(
            s ->
                Arbitraries.integers()
                    .between(0, 999_999_999)
                    .map(n -> Instant.ofEpochSecond(s, n)));
  }

  /**
   * One field of the JSON object replaced by a hostile value ({@code how} 0), removed (1), or an
   * unknown field added next to it (2).
   */
  private static byte[] mutate(byte[] valid, int field, String value, int how) {
    JsonNode tree = TREE.readTree(valid);
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(tree.properties());
    int target = field % fields.size();
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < fields.size(); i++) {
      Map.Entry<String, JsonNode> f = fields.get(i);
      String raw = i == target && how == 0 ? value : f.getValue().toString();
      if (i == target && how == 1) {
        continue;
      }
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('"').append(f.getKey()).append("\":").append(raw);
      if (i == target && how == 2) {
        out.append(",\"unknown\":").append(value);
      }
    }
    return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private <T extends Event> void readOrRefuse(byte[] bytes, Class<T> type) {
    T event;
    try {
      event = json.read(bytes, type);
    } catch (InvalidEventException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    // whatever reads must be a whole valid event, and write back to the same event
    if (event instanceof UeStateEvent s) {
      assertWhollyValid(s);
    } else {
      assertWhollyValid((DecisionEvent) event);
    }
    assertThat(json.read(json.write(event), type)).isEqualTo(event);
  }

  private static void assertWhollyValid(UeStateEvent s) {
    assertThat(s.schemaVersion()).isEqualTo(Event.SCHEMA_VERSION);
    assertThat(s.ueId()).isNotBlank();
    assertThat(s.net()).isNotBlank();
    assertThat(s.deviceProfile()).isNotBlank();
    assertThat(s.distanceM()).isFinite().isPositive();
    assertThat(s.pmaxW()).isFinite().isPositive();
    assertThat(s.tasksQueued()).isNotNegative();
    assertThat(s.sequence()).isNotNegative();
    assertThat(s.reportedAt()).isNotNull();
  }

  private static void assertWhollyValid(DecisionEvent d) {
    assertThat(d.schemaVersion()).isEqualTo(Event.SCHEMA_VERSION);
    assertThat(d.ueId()).isNotBlank();
    assertThat(d.slot()).isNotNegative();
    assertThat(d.point()).isBetween(0, 5);
    assertThat(d.subChannel()).isNotNegative();
    assertThat(d.powerW()).isFinite().isPositive();
    assertThat(d.policyId()).isNotBlank();
    assertThat(d.policyVersion()).isNotBlank();
    assertThat(d.source()).isNotNull();
    assertThat(d.decidedAt()).isNotNull();
    assertThat(d.corrections()).isNotNull().doesNotContainNull();
  }
}
