import { anyone, RouteDefinition, STAFF } from '../domain/route-definition';

/** The gateway's own endpoints: sign-in, sessions, staff accounts and partner keys. */
export const GATEWAY_ROUTES: readonly RouteDefinition[] = [
  { method: 'POST', path: '/auth/sign-in', service: 'gateway', summary: 'Sign in with email and password', access: 'public', rateLimit: 'sign-in' },
  { method: 'POST', path: '/auth/refresh', service: 'gateway', summary: 'Exchange a refresh token for new tokens (rotation)', access: 'public', rateLimit: 'sign-in' },
  { method: 'POST', path: '/auth/sign-out', service: 'gateway', summary: 'End the session a refresh token belongs to', access: 'public', rateLimit: 'sign-in' },
  { method: 'POST', path: '/auth/sign-in-links', service: 'gateway', summary: 'Email a one-time sign-in link to a mentee or mentor', access: 'public', rateLimit: 'sign-in' },
  { method: 'POST', path: '/auth/sign-in-links/redeem', service: 'gateway', summary: 'Sign in with a one-time link token', access: 'public', rateLimit: 'sign-in' },
  {
    method: 'GET',
    path: '/auth/me',
    service: 'gateway',
    summary: 'Who the credential speaks for',
    access: { admin: anyone, coordinator: anyone, mentor: anyone, mentee: anyone, partner: anyone },
  },
  { method: 'POST', path: '/accounts', service: 'gateway', summary: 'Create a coordinator or admin account', access: { admin: anyone } },
  { method: 'POST', path: '/partner-keys', service: 'gateway', summary: "Create an API key for a partner organisation (shown once)", access: STAFF },
  { method: 'GET', path: '/partner-keys', service: 'gateway', summary: 'List API keys (never the secrets)', access: STAFF },
  { method: 'POST', path: '/partner-keys/:id/revoke', service: 'gateway', summary: 'Revoke an API key', access: STAFF },
];
