import { isFQDN, isIP, ValidateBy, type ValidationOptions } from 'class-validator';

/** Accepts a parseable `postgres://` or `postgresql://` connection URL. */
export function IsPostgresUrl(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPostgresUrl',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isPostgresUrl(value),
        defaultMessage: (args) => `${args?.property} must be a postgres:// or postgresql:// URL`,
      },
    },
    options,
  );
}

/** Accepts `host:port` where host is a name, an IPv4 address or a bracketed IPv6 address. */
export function IsHostPort(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHostPort',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isHostPort(value),
        defaultMessage: (args) =>
          options?.each
            ? `each entry of ${args?.property} must be host:port with a port from 1 to 65535`
            : `${args?.property} must be host:port with a port from 1 to 65535`,
      },
    },
    options,
  );
}

/** Accepts an IPv4 or IPv6 address or a host name (`enrolment`, `svc.internal`) to listen on. */
export function IsListenAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isListenAddress',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && (isIP(value) || isFQDN(value, { require_tld: false, allow_underscores: false })),
        defaultMessage: (args) => `${args?.property} must be an IP address or a host name to listen on, e.g. 127.0.0.1`,
      },
    },
    options,
  );
}

/** Splits a comma-separated variable into trimmed, non-empty entries. */
export function splitList(value: unknown): unknown {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0)
    : value;
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.host.length > 0;
  } catch {
    return false;
  }
}

const HOST_PORT = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?):(\d{1,5})$/;

function isHostPort(value: string): boolean {
  const match = HOST_PORT.exec(value);
  if (!match) {
    return false;
  }
  const port = Number(match[1]);
  return port >= 1 && port <= 65535;
}
