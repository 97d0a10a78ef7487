/** The ids that tie log lines, HTTP requests and events of one piece of work together. */
export interface CorrelationIds {
  /** Shared by everything that follows from one original request or event, across services. */
  correlationId: string;
  /** The id of the message being handled, which caused whatever is done now; absent for HTTP. */
  causationId?: string;
  /** The id of the HTTP request being served; absent when handling a message. */
  requestId?: string;
}
