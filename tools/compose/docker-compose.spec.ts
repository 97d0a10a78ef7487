// Structure of docker-compose.yml: the infrastructure services and the service template. This
// test cannot run the stack (there is no Docker engine here), so it pins what a broken edit
// would break: images, ports, volumes, health checks, the KRaft single-node settings, the
// postgres init script, and one compose entry per app with its own database role.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '..', '..');
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const DOCKERFILE = 'infra/docker/Dockerfile';

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, string> };
  ports?: string[];
  environment?: Record<string, string | number> | string[];
  volumes?: string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
  command?: string | string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  'x-service'?: ComposeService;
}

/** YAML merge keys (`<<: *service`) are not part of YAML 1.2 core; compose resolves them. */
function parseCompose(text: string): ComposeFile {
  return parse(text, { merge: true }) as ComposeFile;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`docker-compose.yml: missing ${what}`);
  return value;
}

function envOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

function isBuiltFromServiceDockerfile(service: ComposeService): boolean {
  return typeof service.build === 'object' && service.build.dockerfile === DOCKERFILE;
}

/** Problems with one entry built from infra/docker/Dockerfile; empty when it is right. */
function serviceEntryProblems(name: string, service: ComposeService): string[] {
  const problems: string[] = [];
  const env = envOf(service);
  const build = service.build as { context?: string };
  if (build.context !== '.') problems.push(`${name}: build context must be the repository root`);
  if (env.SERVICE !== name) problems.push(`${name}: SERVICE must be ${name}, got ${env.SERVICE}`);
  const ownRole = new RegExp(`^postgres(ql)?://cmp_${name}(:[^@]*)?@postgres:5432/cmp$`);
  if (!ownRole.test(env.DATABASE_URL ?? '')) {
    problems.push(`${name}: DATABASE_URL must use role cmp_${name} on postgres:5432/cmp, got ${env.DATABASE_URL}`);
  }
  if (env.KAFKA_BROKERS !== 'kafka:9092') problems.push(`${name}: KAFKA_BROKERS must be kafka:9092`);
  const deps = service.depends_on;
  for (const infra of ['kafka', 'postgres']) {
    const condition = deps && !Array.isArray(deps) ? deps[infra]?.condition : undefined;
    if (condition !== 'service_healthy') problems.push(`${name}: must depend on ${infra} being healthy`);
  }
  if (!JSON.stringify(service.healthcheck?.test ?? '').includes('/health/live')) {
    problems.push(`${name}: healthcheck must call /health/live`);
  }
  if (service.restart !== 'unless-stopped') problems.push(`${name}: restart must be unless-stopped`);
  return problems;
}

function appsWithMain(): string[] {
  const appsDir = join(ROOT, 'apps');
  if (!existsSync(appsDir)) return [];
  return readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(appsDir, entry.name, 'src', 'main.ts')))
    .map((entry) => entry.name);
}

/** The host side of a bind mount, resolved against the repository root. */
function bindSources(service: ComposeService): Array<{ host: string; container: string }> {
  return (service.volumes ?? [])
    .map((volume) => volume.split(':'))
    .filter(([host]) => host.startsWith('./') || host.startsWith('/'))
    .map(([host, container]) => ({ host: resolve(ROOT, host), container }));
}

describe('docker-compose.yml', () => {
  const text = readFileSync(COMPOSE_FILE, 'utf8');
  const compose = parseCompose(text);
  const { services } = compose;

  it('runs Kafka 3.9.1 with a container and a host listener and a named volume', () => {
    const kafka = services.kafka;
    expect(kafka.image).toBe('apache/kafka:3.9.1');
    expect(kafka.ports).toContain('29092:29092');
    const env = envOf(kafka);
    expect(env.KAFKA_ADVERTISED_LISTENERS.split(',')).toEqual(
      expect.arrayContaining(['PLAINTEXT://kafka:9092', 'HOST://localhost:29092']),
    );
    expect(kafka.volumes).toContain('kafka-data:/var/lib/kafka/data');
    expect(env.KAFKA_LOG_DIRS).toBe('/var/lib/kafka/data');
  });

  it('configures Kafka as one KRaft node (broker and controller) replicating everything once', () => {
    const env = envOf(services.kafka);
    expect(env.KAFKA_PROCESS_ROLES.split(',').sort()).toEqual(['broker', 'controller']);
    expect(env.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(`${env.KAFKA_NODE_ID}@kafka:9093`);
    expect(env.KAFKA_LISTENERS).toContain(`${env.KAFKA_CONTROLLER_LISTENER_NAMES}://:9093`);
    // Every listener name has a security protocol.
    const mapped = env.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP.split(',').map((pair) => pair.split(':')[0]);
    const listenerNames = env.KAFKA_LISTENERS.split(',').map((listener) => listener.split(':')[0]);
    expect(mapped).toEqual(expect.arrayContaining(listenerNames));
    expect(env.CLUSTER_ID).toMatch(/^[A-Za-z0-9_-]{22}$/);
    for (const key of [
      'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR',
      'KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR',
      'KAFKA_TRANSACTION_STATE_LOG_MIN_ISR',
      'KAFKA_DEFAULT_REPLICATION_FACTOR',
    ]) {
      expect([key, env[key]]).toEqual([key, '1']);
    }
    expect(env.KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS).toBe('0');
    expect(JSON.stringify(services.kafka.healthcheck?.test)).toContain(
      '/opt/kafka/bin/kafka-topics.sh --bootstrap-server localhost:9092 --list',
    );
  });

  it('runs Postgres 15 on 5432 with a named volume and the infra/postgres init script', () => {
    const postgres = services.postgres;
    expect(postgres.image).toBe('postgres:15');
    expect(postgres.ports).toContain('${CMP_POSTGRES_PORT:-5432}:5432');
    expect(postgres.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(JSON.stringify(postgres.healthcheck?.test)).toContain('pg_isready');

    const mounts = bindSources(postgres);
    const initDir = required(
      mounts.find((m) => m.container === '/docker-entrypoint-initdb.d'),
      'a bind mount on /docker-entrypoint-initdb.d',
    );
    expect(initDir.host).toBe(join(ROOT, 'infra', 'postgres', 'docker-entrypoint-initdb.d'));
    const initScripts = readdirSync(initDir.host).filter((file) => /\.(sh|sql)$/.test(file));
    expect(initScripts.length).toBeGreaterThan(0);
    // The init script calls apply.sh from the infra/postgres mount; both must be where it looks.
    const initScript = readFileSync(join(initDir.host, initScripts[0]), 'utf8');
    const scriptsMount = required(
      mounts.find((m) => initScript.includes(`${m.container}/apply.sh`)),
      'the mount the init script takes apply.sh from',
    );
    expect(scriptsMount.host).toBe(join(ROOT, 'infra', 'postgres'));
    expect(existsSync(join(scriptsMount.host, 'apply.sh'))).toBe(true);
    expect(existsSync(join(scriptsMount.host, 'roles.sql'))).toBe(true);
  });

  it('gives the Postgres init script the same service passwords the services use', () => {
    const env = envOf(services.postgres);
    expect(env.CMP_DB_NAME).toBe('cmp');
    for (const service of ['enrolment', 'matching', 'scheduling', 'notifications', 'evaluation', 'gateway']) {
      const variable = `CMP_DB_PASSWORD_${service.toUpperCase()}`;
      expect(env[variable]).toBe(`\${${variable}:-cmp_${service}}`);
    }
  });

  it('declares every named volume it mounts', () => {
    const named = Object.values(services)
      .flatMap((service) => service.volumes ?? [])
      .map((volume) => volume.split(':')[0])
      .filter((source) => !source.startsWith('.') && !source.startsWith('/'));
    expect(named.length).toBeGreaterThan(0);
    expect(Object.keys(compose.volumes ?? {})).toEqual(expect.arrayContaining(named));
  });

  it('gives every service a health check', () => {
    for (const [name, service] of Object.entries(services)) {
      expect([name, Boolean(service.healthcheck?.test) && !service.healthcheck?.disable]).toEqual([name, true]);
    }
  });

  it('has a service template that builds infra/docker/Dockerfile and waits for healthy infrastructure', () => {
    const template = required(compose['x-service'], 'the x-service template');
    expect(template.build).toEqual({ context: '.', dockerfile: DOCKERFILE });
    expect(existsSync(join(ROOT, DOCKERFILE))).toBe(true);
    expect(envOf(template).KAFKA_BROKERS).toBe('kafka:9092');
    expect(template.depends_on).toEqual({
      kafka: { condition: 'service_healthy' },
      postgres: { condition: 'service_healthy' },
    });
    expect(JSON.stringify(template.healthcheck?.test)).toContain('/health/live');
    expect(template.restart).toBe('unless-stopped');
  });

  it('turns the template documented in its header into a complete service entry', () => {
    // The header comment shows how to add a service. The example is taken from that comment
    // and must pass the same checks as a real entry, so the template and its instructions
    // cannot drift apart.
    const documented = required(/^# {3}enrolment:\n(?:# {5}.*\n)+/m.exec(text)?.[0], 'the example entry');
    const example = documented.replace(/^# /gm, '');
    // The real entry of the same name, if there is one by now, makes way for the example.
    const withoutReal = text.replace(/^ {2}enrolment:\n(?: {4}.*\n)+/m, '');
    const withExample = withoutReal.replace(/^services:\n/m, `services:\n${example}`);
    const entry = parseCompose(withExample).services.enrolment;
    expect(isBuiltFromServiceDockerfile(entry)).toBe(true);
    expect(serviceEntryProblems('enrolment', entry)).toEqual([]);

    // And the checks do catch an entry that borrows another service's role.
    const borrowed = example.replace('postgresql://cmp_enrolment:', 'postgresql://cmp_matching:');
    const withBorrowed = withoutReal.replace(/^services:\n/m, `services:\n${borrowed}`);
    expect(serviceEntryProblems('enrolment', parseCompose(withBorrowed).services.enrolment)).toEqual([
      expect.stringContaining('DATABASE_URL must use role cmp_enrolment'),
    ]);
  });

  it('gives every service entry built from infra/docker/Dockerfile its own role, Kafka and healthy dependencies', () => {
    const problems = Object.entries(services)
      .filter(([, service]) => isBuiltFromServiceDockerfile(service) && service.command === undefined)
      .flatMap(([name, service]) => serviceEntryProblems(name, service));
    expect(problems).toEqual([]);
  });

  it('runs development helpers from the same image with a command naming a script in the repository', () => {
    const helpers = Object.entries(services).filter(([, service]) => isBuiltFromServiceDockerfile(service) && service.command !== undefined);
    expect(helpers.map(([name]) => name)).toEqual(['mail-capture']);
    for (const [, service] of helpers) {
      const script = (service.command as string[]).find((part) => part.endsWith('.ts'));
      expect(script && existsSync(join(ROOT, script))).toBe(true);
    }
  });

  it('has a compose service for every app with src/main.ts', () => {
    const missing = appsWithMain().filter((app) => !services[app] || !isBuiltFromServiceDockerfile(services[app]));
    expect(missing).toEqual([]);
  });
});
