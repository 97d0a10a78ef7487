/**
 * URLs that carry a bearer secret, so that no log line, metric label or problem `instance`
 * repeats it. Anyone who reads a log (an operator, a log pipeline, a backup) could otherwise
 * answer someone's survey, read her calendar or sign in as her.
 *
 * The list is explicit on purpose: a new route whose path or query holds a secret must be added
 * here, next to a test. Matching ignores case, percent-encoding, `;` parameters and empty
 * segments, and the pattern may sit under any prefix (`/api/v1` at the gateway, none at the
 * service), so a variant of the path cannot slip its secret past the mask.
 */
export const SECRET_PATHS: readonly { readonly after: readonly string[]; readonly what: string }[] = [
  { after: ['surveys', 'answer'], what: 'the survey link mailed to a respondent (evaluation, `/api/v1/surveys/answer/<token>`)' },
  { after: ['feeds'], what: 'a calendar-feed URL (scheduling, `/api/v1/feeds/<token>.ics`)' },
  { after: ['sign-in', 'link'], what: "the web console's page that redeems an emailed sign-in link (`/sign-in/link/<token>`)" },
];

/** Query parameters whose value is a credential, whichever route they are sent to. */
export const SECRET_QUERY_PARAMETERS: readonly string[] = ['token', 'access_token', 'refresh_token', 'id_token', 'code', 'key', 'api_key', 'apikey', 'secret', 'signature', 'sig', 'password'];

export const MASK = '[redacted]';

/** The URL (path and query) with every secret it carries replaced by `[redacted]`. */
export function maskSecretsInUrl(url: string): string {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = queryStart === -1 ? undefined : url.slice(queryStart + 1);
  return query === undefined ? maskPath(path) : `${maskPath(path)}?${maskQuery(query)}`;
}

/** The path with secret segments masked; `%2F` counts as a separator too, as some clients and proxies decode it. */
function maskPath(path: string): string {
  // Split with the separators kept (at odd indexes), so the path is rebuilt as it came.
  const parts = path.split(/(\/|%2f)/i);
  const names = parts.map((part, index) => (index % 2 === 1 ? '' : nameOf(part)));
  return parts.map((part, index) => (index % 2 === 0 && part !== '' && followsSecretPrefix(names, index) ? MASK : part)).join('');
}

function followsSecretPrefix(names: readonly string[], index: number): boolean {
  // The names before this segment, empty ones (doubled slashes) left out.
  const before = names.slice(0, index).filter((name) => name !== '');
  return SECRET_PATHS.some(({ after }) => after.length <= before.length && after.every((name, offset) => before[before.length - after.length + offset] === name));
}

function maskQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return pair;
      return SECRET_QUERY_PARAMETERS.includes(nameOf(pair.slice(0, equals))) ? `${pair.slice(0, equals)}=${MASK}` : pair;
    })
    .join('&');
}

/** A segment or parameter name as a router could read it: decoded, without `;` parameters, lower case. */
function nameOf(raw: string): string {
  let decoded = raw.replace(/\+/g, ' ');
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // Malformed escapes: compare the raw text, which no listed name contains.
  }
  return decoded.split(';')[0].trim().toLowerCase();
}

/** Route parameters as Express parsed them, with those of a secret path masked (e.g. `{ token }`, or the proxy's `path` array). */
export function maskSecretsInParams(params: unknown, url: string): unknown {
  if (typeof params !== 'object' || params === null || maskSecretsInUrl(url) === url) return params;
  return Object.fromEntries(Object.keys(params).map((name) => [name, MASK]));
}

/** A parsed query with the values of credential parameters masked. */
export function maskSecretsInQuery(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(Object.entries(query).map(([name, value]) => [name, SECRET_QUERY_PARAMETERS.includes(nameOf(name)) ? MASK : value]));
}
