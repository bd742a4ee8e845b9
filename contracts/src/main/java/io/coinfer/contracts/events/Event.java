package io.coinfer.contracts.events;

/** An event on a platform topic; its JSON carries the schema version it was written with. */
public interface Event {

  /** The schema version every event of this code base writes and the only one it reads. */
  int SCHEMA_VERSION = 1;

  /**
   * The schema version this event was written with.
   *
   * @return {@link #SCHEMA_VERSION} for events written by this code base
   */
  int schemaVersion();
}
