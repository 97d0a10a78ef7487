/**
 * A CloudEvents 1.0 event as CMP sends it: the required attributes, the optional ones we always
 * fill, and two extensions that let a chain of events be traced back to the request that began it.
 */
export interface CloudEvent<TData = unknown> {
  readonly specversion: '1.0';
  /** Unique per event; consumers deduplicate on it. */
  readonly id: string;
  /** URI-reference of the producing service, e.g. `/cmp/enrolment`. */
  readonly source: string;
  /** `dk.cmp.<service>.<event>.v<N>`. */
  readonly type: string;
  /** RFC 3339 timestamp of the state change. */
  readonly time: string;
  /** The aggregate the event is about; also the Kafka key, so one entity's events stay in order. */
  readonly subject?: string;
  readonly datacontenttype: 'application/json';
  /** Id shared by every event caused, directly or not, by one outside request. */
  readonly correlationid: string;
  /** Id of the event (or request) that directly caused this one. */
  readonly causationid?: string;
  readonly data: TData;
}

export const CLOUD_EVENTS_SPEC_VERSION = '1.0';
export const JSON_CONTENT_TYPE = 'application/json';

/** Names of extension attributes must be lower-case alphanumerics (CloudEvents 1.0 §3.1.1). */
export const CORRELATION_ID_ATTRIBUTE = 'correlationid';
export const CAUSATION_ID_ATTRIBUTE = 'causationid';
