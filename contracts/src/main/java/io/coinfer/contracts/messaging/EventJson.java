package io.coinfer.contracts.messaging;

import io.coinfer.contracts.events.Event;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events as JSON and reads them back strictly: the schema version must be {@link
 * Event#SCHEMA_VERSION}, every Bean Validation constraint of the record must hold, and every
 * floating-point field, nested ones included, must be finite (JSON such as {@code 1e999} or {@code
 * "Infinity"} would otherwise read as an infinity that passes {@code @Positive}). Instants are
 * ISO-8601 strings, byte arrays base64. Thread-safe.
 */
public final class EventJson {

  private final JsonMapper mapper;
  private final Validator validator;

  /**
   * A codec that validates what it reads with the given validator.
   *
   * @param validator the Bean Validation validator
   */
  public EventJson(Validator validator) {
    this.validator = validator;
    this.mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
  }

  /**
   * The JSON of an event.
   *
   * @param event the event
   * @return its UTF-8 JSON
   */
  public byte[] write(Event event) {
    return mapper.writeValueAsBytes(event);
  }

  /**
   * Reads and validates an event.
   *
   * @param json the UTF-8 JSON
   * @param type the event type
   * @param <T> the event type
   * @return the event
   * @throws InvalidEventException if the JSON is not a valid event of that type and version
   */
  public <T extends Event> T read(byte[] json, Class<T> type) {
    T event;
    try {
      event = mapper.readValue(json, type);
    } catch (JacksonException e) {
      throw new InvalidEventException(
          "not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
    if (event == null) {
      throw new InvalidEventException("not a " + type.getSimpleName() + ": null", null);
    }
    if (event.schemaVersion() != Event.SCHEMA_VERSION) {
      throw new InvalidEventException(
          type.getSimpleName()
              + " has schema version "
              + event.schemaVersion()
              + ", this reader knows only "
              + Event.SCHEMA_VERSION,
          null);
    }
    Set<ConstraintViolation<T>> violations = validator.validate(event);
    if (!violations.isEmpty()) {
      throw new InvalidEventException(
          type.getSimpleName()
              + " is invalid: "
              + violations.stream()
                  .map(v -> v.getPropertyPath() + " " + v.getMessage())
                  .sorted(Comparator.naturalOrder())
                  .collect(Collectors.joining(", ")),
          null);
    }
    String nonFinite = nonFinite(event, "");
    if (nonFinite != null) {
      throw new InvalidEventException(
          type.getSimpleName() + " is invalid: " + nonFinite + " must be a finite number", null);
    }
    return event;
  }

  /** The path of the first non-finite float or double in a record tree, or null. */
  private static String nonFinite(Object value, String path) {
    if (value instanceof Double d) {
      return Double.isFinite(d) ? null : path;
    }
    if (value instanceof Float f) {
      return Float.isFinite(f) ? null : path;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        String bad = nonFinite(item, path + "[" + i++ + "]");
        if (bad != null) {
          return bad;
        }
      }
      return null;
    }
    if (value instanceof Record record) {
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        String bad =
            nonFinite(
                component(record, c), path.isEmpty() ? c.getName() : path + "." + c.getName());
        if (bad != null) {
          return bad;
        }
      }
    }
    return null;
  }

  private static Object component(Record record, RecordComponent c) {
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + record, e);
    }
  }
}
