import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { HOP_TOKEN_HEADER, HopSigner } from '@cmp/platform';
import { UPSTREAM_SERVICES, UpstreamService } from '../domain/route-definition';

export type ServiceDocuments = Partial<Record<UpstreamService, OpenAPIObject>>;

/** Where the public document takes the services' documents from: whatever is known now. */
export interface ServiceDocumentSource {
  current(): ServiceDocuments;
  /** Changes whenever `current()` does, so a document built from it can be kept until then. */
  readonly version: number;
}

export interface CatalogueTiming {
  /** How long one service may take to answer. */
  readonly timeoutMs: number;
  /** How soon a service that did not answer is asked again. */
  readonly retryMs: number;
  /** How often every document is read again once all have been (a service deployed anew). */
  readonly refreshMs: number;
}

const DEFAULT_TIMING: CatalogueTiming = { timeoutMs: 3000, retryMs: 5000, refreshMs: 5 * 60_000 };

const logger = new Logger('ServiceDocuments');

/** Who the gateway's own calls to a service are made by; no route accepts it for anything else. */
const GATEWAY_CALLER = 'system:gateway';

/**
 * The services' own OpenAPI documents (`/openapi.json`), for the request and response schemas of
 * the public document. Read at start-up and then kept fresh: a service that was not up yet (on
 * `npm start` the gateway may well come first) is asked again every `retryMs` until it answers,
 * and every document is read again every `refreshMs`; a service that stops answering keeps its
 * last document. Services answer only signed requests, so the gateway signs these calls as
 * itself (`system:gateway`).
 */
export class ServiceDocumentCatalogue implements ServiceDocumentSource {
  private documents: ServiceDocuments = {};
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  version = 0;

  private constructor(
    private readonly upstreams: Readonly<Record<UpstreamService, string>>,
    private readonly signer: HopSigner,
    private readonly timing: CatalogueTiming,
  ) {}

  static async create(upstreams: Readonly<Record<UpstreamService, string>>, hopSigningKey: string, timing: Partial<CatalogueTiming> = {}): Promise<ServiceDocumentCatalogue> {
    return new ServiceDocumentCatalogue(upstreams, await HopSigner.fromJwk(hopSigningKey), { ...DEFAULT_TIMING, ...timing });
  }

  current(): ServiceDocuments {
    return this.documents;
  }

  /** The services that have not answered with a document yet. */
  missing(): UpstreamService[] {
    return UPSTREAM_SERVICES.filter((service) => this.documents[service] === undefined);
  }

  /** Reads every service's document once; one that does not answer keeps what was known. */
  async refresh(): Promise<void> {
    const read = await Promise.all(UPSTREAM_SERVICES.map(async (service) => [service, await this.read(service)] as const));
    let changed = false;
    const next: ServiceDocuments = { ...this.documents };
    for (const [service, document] of read) {
      if (document === undefined || JSON.stringify(document) === JSON.stringify(next[service])) continue;
      next[service] = document;
      changed = true;
    }
    if (changed) {
      this.documents = next;
      this.version += 1;
    }
  }

  /** Keeps reading in the background (the timer does not hold the process open) until `stop()`. */
  keepFresh(): void {
    const schedule = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.refresh().finally(schedule), this.missing().length > 0 ? this.timing.retryMs : this.timing.refreshMs);
      this.timer.unref();
    };
    schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async read(service: UpstreamService): Promise<OpenAPIObject | undefined> {
    try {
      const url = new URL('/openapi.json', this.upstreams[service]);
      const token = await this.signer.sign({ audience: service, caller: GATEWAY_CALLER, method: 'GET', pathAndQuery: `${url.pathname}${url.search}` });
      const response = await fetch(url, { headers: { [HOP_TOKEN_HEADER]: token }, signal: AbortSignal.timeout(this.timing.timeoutMs) });
      const document = response.ok ? ((await response.json()) as Partial<OpenAPIObject>) : undefined;
      if (typeof document?.openapi === 'string' && typeof document.paths === 'object' && document.paths !== null) return document as OpenAPIObject;
      logger.warn(`${service} offers no OpenAPI document (HTTP ${response.status}); asking again in ${this.timing.retryMs} ms`);
    } catch (error) {
      logger.warn(`${service} did not answer for its OpenAPI document (${error instanceof Error ? error.message : String(error)}); asking again in ${this.timing.retryMs} ms`);
    }
    return undefined;
  }
}

/** A fixed set of documents (tests, tools that read no service). */
export function fixedServiceDocuments(documents: ServiceDocuments): ServiceDocumentSource {
  return { current: () => documents, version: 0 };
}
