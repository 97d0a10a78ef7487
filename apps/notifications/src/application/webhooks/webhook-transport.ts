export interface WebhookRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface WebhookResponse {
  readonly statusCode: number | null;
  /** The start of the response body at most; a partner's response is not stored beyond it. */
  readonly excerpt: string | null;
  readonly error: string | null;
  readonly durationMs: number;
}

export interface WebhookTransport {
  /** Never rejects: every failure is described in the response. */
  post(request: WebhookRequest): Promise<WebhookResponse>;
}
export const WEBHOOK_TRANSPORT = Symbol('WEBHOOK_TRANSPORT');
