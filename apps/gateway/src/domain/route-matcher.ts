import type { HttpMethod, RouteDefinition } from './route-definition';

type Segment = { readonly literal: string } | { readonly param: string };

interface CompiledRoute {
  readonly route: RouteDefinition;
  readonly segments: readonly Segment[];
}

export interface RouteMatch {
  readonly route: RouteDefinition;
  readonly params: Readonly<Record<string, string>>;
}

/** The outcome of looking a request up: a route, a path served under other methods, or nothing. */
export type RouteLookup =
  | { readonly found: true; readonly match: RouteMatch }
  | { readonly found: false; readonly allowedMethods: readonly HttpMethod[] };

/**
 * A path segment as the gateway accepts it: RFC 3986's unreserved characters only. None of them
 * ever needs percent-encoding, so a request that encodes, doubles a slash, ends in a slash or
 * carries `;` parameters is not another spelling of a route: it is no route at all.
 */
const CANONICAL_SEGMENT = /^[A-Za-z0-9._~-]{1,200}$/;

/**
 * Matches public request paths against the route table. Literal segments win over parameters
 * at the same position (`/cohorts/current` before `/cohorts/:id`), so the table's order does not
 * matter. Only the one canonical spelling of a path matches: literals compare case-sensitively,
 * nothing is decoded, and a segment with `%`, `;`, nothing in it, or a dot segment matches no
 * route, so no variant of a path can reach a handler that its canonical form would not.
 */
export class RouteMatcher {
  private readonly compiled: readonly CompiledRoute[];

  constructor(routes: readonly RouteDefinition[]) {
    const seen = new Set<string>();
    for (const route of routes) {
      const key = `${route.method} ${route.path.replace(/:[^/]+/g, ':')}`;
      if (seen.has(key)) throw new Error(`two routes answer ${route.method} ${route.path}`);
      seen.add(key);
    }
    this.compiled = routes.map((route) => ({ route, segments: compile(route.path) })).sort((a, b) => compareSpecificity(a.segments, b.segments));
  }

  lookup(method: string, path: string): RouteLookup {
    const parts = canonicalSegments(path);
    const allowed = new Set<HttpMethod>();
    if (parts) {
      for (const candidate of this.compiled) {
        const params = matchSegments(candidate.segments, parts);
        if (!params) continue;
        if (candidate.route.method === method) return { found: true, match: { route: candidate.route, params } };
        allowed.add(candidate.route.method);
      }
    }
    return { found: false, allowedMethods: [...allowed] };
  }
}

/** Fills a path template with values, e.g. for the service's internal path. */
export function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${template}`);
    return encodeURIComponent(value);
  });
}

function compile(path: string): Segment[] {
  if (!path.startsWith('/')) throw new Error(`route paths start with a slash: ${path}`);
  return path
    .split('/')
    .slice(1)
    .map((part) => (part.startsWith(':') ? { param: part.slice(1) } : { literal: part }));
}

/** The segments of a canonical path, or undefined for any other spelling. */
export function canonicalSegments(path: string): string[] | undefined {
  if (!path.startsWith('/')) return undefined;
  const parts = path.split('/').slice(1);
  const canonical = parts.every((part) => CANONICAL_SEGMENT.test(part) && part !== '.' && part !== '..');
  return canonical ? parts : undefined;
}

function matchSegments(segments: readonly Segment[], parts: readonly string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    const part = parts[index];
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined;
    } else {
      params[segment.param] = part;
    }
  }
  return params;
}

function compareSpecificity(a: readonly Segment[], b: readonly Segment[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const aLiteral = 'literal' in a[index];
    const bLiteral = 'literal' in b[index];
    if (aLiteral !== bLiteral) return aLiteral ? -1 : 1;
  }
  return 0;
}
