package io.coinfer.contracts.events;

/** Why a job failed. */
public enum FailureReason {
  /** A message could not be read as the event it should be (JSON, schema version, fields). */
  MALFORMED_EVENT,
  /** The image could not be decoded. */
  BAD_IMAGE,
  /** The feature payload is not in the wire format, or its version is unknown. */
  BAD_WIRE_FORMAT,
  /** The net or the partition point is not served. */
  UNKNOWN_MODEL,
  /** The codec named by the feature is not the one served for its net and point. */
  UNKNOWN_CODEC,
  /** The feature's shape is not the one of its net, point and codec. */
  WRONG_SHAPE,
  /** The feature holds NaN or infinite values. */
  NON_FINITE_VALUES,
  /** An unexpected error while processing. */
  INTERNAL_ERROR
}
