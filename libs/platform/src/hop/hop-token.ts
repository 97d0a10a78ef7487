/**
 * The hop token: the gateway's signed statement that it forwards one request. Services accept a
 * request only with one, so whoever reaches a service's port without passing the gateway can do
 * nothing there (health probes aside).
 *
 * Claims: `iss` the gateway; `aud` the target service; `sub` the caller (`<role>:<id>` or
 * `anonymous`); `htm` / `htu` the HTTP method and the exact path and query sent (the DPoP claim
 * names of RFC 9449, which bind a token to one request the same way); `jti`, `iat`, `exp`.
 * Signed with Ed25519 (EdDSA): services hold only public keys, so a service (or whoever
 * compromises one) can verify tokens but cannot mint them for the others.
 */
export const HOP_TOKEN_HEADER = 'x-cmp-hop-token';
export const HOP_TOKEN_ISSUER = 'cmp-gateway';
export const HOP_TOKEN_ALGORITHM = 'EdDSA';

/** How long a token is good for: long enough for one proxied call, too short to be worth stealing. */
export const HOP_TOKEN_TTL_SECONDS = 30;
/** Clocks of two hosts disagree a little; a token is accepted this many seconds early or late. */
export const HOP_CLOCK_TOLERANCE_SECONDS = 5;

export interface HopRequest {
  /** The service the request goes to (its `serviceName`). */
  readonly audience: string;
  /** `<role>:<id>`, or `anonymous` on a public route. */
  readonly caller: string;
  readonly method: string;
  /** The path and query exactly as sent on the request line, e.g. `/mentees?status=applied`. */
  readonly pathAndQuery: string;
}
