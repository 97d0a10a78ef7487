import { generateKeyPairSync } from 'node:crypto';
import { ConfigurationError, loadConfig } from '@cmp/platform';
import { GatewayConfig } from './gateway.config';
import { gatewayModuleSettings } from './gateway-settings.factory';

const hopKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
const GATEWAY_HOP_SIGNING_KEY = JSON.stringify({ ...hopKey, kid: 'hop-1' });
const valid = { DATABASE_URL: 'postgresql://cmp_gateway@localhost/cmp', GATEWAY_JWT_SECRET: 'x'.repeat(32), GATEWAY_SIGN_IN_FAILURE_SECRET: 'y'.repeat(32), GATEWAY_HOP_SIGNING_KEY };

function issuesOf(env: Record<string, string>): string[] {
  try {
    loadConfig(GatewayConfig, env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.issues.map((issue) => issue.variable).sort();
    throw error;
  }
  return [];
}

describe('gateway configuration', () => {
  it('needs only the database and the two secrets, and points at the local services by default', () => {
    const settings = gatewayModuleSettings(loadConfig(GatewayConfig, valid));
    expect(settings.gateway.upstreams).toEqual({
      enrolment: 'http://127.0.0.1:3001',
      matching: 'http://127.0.0.1:3002',
      scheduling: 'http://127.0.0.1:3003',
      notifications: 'http://127.0.0.1:3004',
      evaluation: 'http://127.0.0.1:3005',
    });
    expect(settings.gateway.accessTokenTtlSeconds).toBe(900);
    expect(settings.gateway.bootstrapAdmin).toBeUndefined();
  });

  it("links to the gateway's own address by default, and to GATEWAY_PUBLIC_URL when one is set", () => {
    const own = gatewayModuleSettings(loadConfig(GatewayConfig, { ...valid, PORT: '3100' }));
    expect(own.gateway.publicUrl).toBe('http://127.0.0.1:3100');
    expect(own.gateway.signInLinkBaseUrl).toBe('http://127.0.0.1:3100/sign-in/link');

    const behindProxy = gatewayModuleSettings(loadConfig(GatewayConfig, { ...valid, HOST: '0.0.0.0', GATEWAY_PUBLIC_URL: 'https://cmp.example.dk/' }));
    expect(behindProxy.gateway.publicUrl).toBe('https://cmp.example.dk');
    expect(behindProxy.gateway.signInLinkBaseUrl).toBe('https://cmp.example.dk/sign-in/link');

    const ownConsole = gatewayModuleSettings(loadConfig(GatewayConfig, { ...valid, GATEWAY_SIGN_IN_LINK_BASE_URL: 'https://console.example.dk/sign-in/link' }));
    expect(ownConsole.gateway.signInLinkBaseUrl).toBe('https://console.example.dk/sign-in/link');
  });

  it('refuses to start without a JWT secret, or with a short one', () => {
    expect(issuesOf({ DATABASE_URL: valid.DATABASE_URL, GATEWAY_SIGN_IN_FAILURE_SECRET: valid.GATEWAY_SIGN_IN_FAILURE_SECRET, GATEWAY_HOP_SIGNING_KEY })).toEqual(['GATEWAY_JWT_SECRET']);
    expect(issuesOf({ ...valid, GATEWAY_JWT_SECRET: 'short' })).toEqual(['GATEWAY_JWT_SECRET']);
  });

  it('refuses to start without a secret for the sign-in failure keys, or with a short one, and sweeps every five minutes by default', () => {
    expect(issuesOf({ DATABASE_URL: valid.DATABASE_URL, GATEWAY_JWT_SECRET: valid.GATEWAY_JWT_SECRET, GATEWAY_HOP_SIGNING_KEY })).toEqual(['GATEWAY_SIGN_IN_FAILURE_SECRET']);
    expect(issuesOf({ ...valid, GATEWAY_SIGN_IN_FAILURE_SECRET: 'short' })).toEqual(['GATEWAY_SIGN_IN_FAILURE_SECRET']);
    expect(issuesOf({ ...valid, GATEWAY_SIGN_IN_FAILURE_SWEEP_INTERVAL_SECONDS: '0' })).toEqual(['GATEWAY_SIGN_IN_FAILURE_SWEEP_INTERVAL_SECONDS']);
    const settings = gatewayModuleSettings(loadConfig(GatewayConfig, valid)).gateway;
    expect(settings).toMatchObject({ signInFailureSecret: 'y'.repeat(32), signInFailureSweepIntervalMs: 300_000 });
  });

  it('refuses to start without an Ed25519 hop signing key with a kid, naming what is wrong', () => {
    const { GATEWAY_HOP_SIGNING_KEY: _omitted, ...withoutKey } = valid;
    expect(issuesOf(withoutKey)).toEqual(['GATEWAY_HOP_SIGNING_KEY']);
    expect(issuesOf({ ...valid, GATEWAY_HOP_SIGNING_KEY: 'not json' })).toEqual(['GATEWAY_HOP_SIGNING_KEY']);
    expect(issuesOf({ ...valid, GATEWAY_HOP_SIGNING_KEY: JSON.stringify(hopKey) })).toEqual(['GATEWAY_HOP_SIGNING_KEY']);
    const { d: _private, ...publicOnly } = hopKey;
    expect(issuesOf({ ...valid, GATEWAY_HOP_SIGNING_KEY: JSON.stringify({ ...publicOnly, kid: 'hop-1' }) })).toEqual(['GATEWAY_HOP_SIGNING_KEY']);
    const message = (() => {
      try {
        loadConfig(GatewayConfig, { ...valid, GATEWAY_HOP_SIGNING_KEY: JSON.stringify(hopKey) });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('needs a "kid"');
    expect(message).not.toContain(String(hopKey.d));
  });

  it('needs a strong password with a bootstrap admin, and valid URLs and origins', () => {
    expect(issuesOf({ ...valid, GATEWAY_BOOTSTRAP_ADMIN_EMAIL: 'admin@cmp.dk' })).toEqual(['GATEWAY_BOOTSTRAP_ADMIN_PASSWORD']);
    expect(issuesOf({ ...valid, ENROLMENT_URL: 'enrolment:3001', GATEWAY_CORS_ORIGINS: 'https://ok.dk,not a url' })).toEqual(['ENROLMENT_URL', 'GATEWAY_CORS_ORIGINS']);
  });

  it('reads the proxy setting as a boolean word and refuses anything else', () => {
    expect(loadConfig(GatewayConfig, { ...valid, GATEWAY_TRUST_PROXY: 'false' }).GATEWAY_TRUST_PROXY).toBe(false);
    expect(loadConfig(GatewayConfig, { ...valid, GATEWAY_TRUST_PROXY: 'true' }).GATEWAY_TRUST_PROXY).toBe(true);
    expect(loadConfig(GatewayConfig, valid).GATEWAY_TRUST_PROXY).toBe(false);
    expect(issuesOf({ ...valid, GATEWAY_TRUST_PROXY: 'sometimes' })).toEqual(['GATEWAY_TRUST_PROXY']);
  });

  it('reads the bootstrap admin and several web origins', () => {
    const config = loadConfig(GatewayConfig, {
      ...valid,
      GATEWAY_BOOTSTRAP_ADMIN_EMAIL: 'admin@cmp.dk',
      GATEWAY_BOOTSTRAP_ADMIN_PASSWORD: 'a long admin password',
      GATEWAY_CORS_ORIGINS: 'https://console.cmp.dk, http://localhost:4200',
    });
    expect(config.GATEWAY_CORS_ORIGINS).toEqual(['https://console.cmp.dk', 'http://localhost:4200']);
    expect(gatewayModuleSettings(config).gateway.bootstrapAdmin).toEqual({ email: 'admin@cmp.dk', password: 'a long admin password' });
  });
});
