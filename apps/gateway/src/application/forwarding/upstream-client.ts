import type { UpstreamService } from '../../domain/route-definition';

export interface UpstreamRequest {
  readonly service: UpstreamService;
  readonly method: string;
  /** Who the service is told acts: `<role>:<id>`, `anonymous` (public routes) or `system:gateway`. */
  readonly caller: string;
  /** The service's path with the query string, e.g. `/mentees?status=applied`. */
  readonly pathAndQuery: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

export interface UpstreamResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** Sends a request to a service on the caller's behalf, signed for it; a silent service is a 503 problem. */
export abstract class UpstreamClient {
  abstract send(request: UpstreamRequest): Promise<UpstreamResponse>;
}
