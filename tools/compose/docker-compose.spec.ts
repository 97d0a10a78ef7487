// Structure of docker-compose.yml as an operator ships it: the infrastructure, the service
// template and the image. This test cannot run the stack (there is no Docker engine here), so
// it pins what a broken edit would break: images, the one published port, the networks, every
// secret required, the Kafka principals and ACLs, the dev-only mail capture, health checks,
// the postgres init script, one compose entry per app with its own database role, the image's
// base (the pinned Node.js) and user; and dclint validates the file against the Compose
// Specification.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { serviceTopicAccess } from '@cmp/contracts';

const ROOT = resolve(__dirname, '..', '..');
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const DOCKERFILE = 'infra/docker/Dockerfile';
const KAFKA_SCRIPTS = 'infra/docker/kafka';
const PINNED_NODE = readFileSync(join(ROOT, '.node-version'), 'utf8').trim();

interface ComposePort {
  target?: number;
  published?: string | number;
  host_ip?: string;
}
interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; target?: string; args?: Record<string, string> };
  ports?: Array<string | ComposePort>;
  environment?: Record<string, string | number> | string[];
  volumes?: string[];
  networks?: string[] | Record<string, unknown>;
  profiles?: string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
  entrypoint?: string | string[];
  command?: string | string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, { internal?: boolean } | null>;
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

function networksOf(service: ComposeService): string[] {
  const networks = service.networks ?? [];
  return (Array.isArray(networks) ? networks : Object.keys(networks)).sort();
}

/** `${NAME:?message}`: compose refuses to start while NAME is unset or empty. */
function requiredVariable(name: string): RegExp {
  return new RegExp(`\\$\\{${name}:\\?[^}]+\\}`);
}

function isBuiltFromServiceDockerfile(service: ComposeService): boolean {
  return typeof service.build === 'object' && service.build.dockerfile === DOCKERFILE;
}

/** The services' runtime image: built from the Dockerfile's last stage (no target). */
function isServiceImage(service: ComposeService): boolean {
  return isBuiltFromServiceDockerfile(service) && (service.build as { target?: string }).target === undefined;
}

/** Problems with one entry built from infra/docker/Dockerfile; empty when it is right. */
function serviceEntryProblems(name: string, service: ComposeService): string[] {
  const problems: string[] = [];
  const env = envOf(service);
  const build = service.build as { context?: string };
  const upper = name.toUpperCase();
  if (build.context !== '.') problems.push(`${name}: build context must be the repository root`);
  if (env.SERVICE !== name) problems.push(`${name}: SERVICE must be ${name}, got ${env.SERVICE}`);
  const ownRole = new RegExp(`^postgres(ql)?://cmp_${name}:\\$\\{CMP_DB_PASSWORD_${upper}:\\?[^}]+\\}@postgres:5432/cmp$`);
  if (!ownRole.test(env.DATABASE_URL ?? '')) {
    problems.push(`${name}: DATABASE_URL must use role cmp_${name} with the required CMP_DB_PASSWORD_${upper} on postgres:5432/cmp, got ${env.DATABASE_URL}`);
  }
  if (env.KAFKA_BROKERS !== 'kafka:9092') problems.push(`${name}: KAFKA_BROKERS must be kafka:9092`);
  if (env.KAFKA_SASL_MECHANISM !== 'scram-sha-512') problems.push(`${name}: KAFKA_SASL_MECHANISM must be scram-sha-512`);
  if (env.KAFKA_SASL_USERNAME !== name) problems.push(`${name}: KAFKA_SASL_USERNAME must be its own principal, ${name}`);
  if (!requiredVariable(`CMP_KAFKA_PASSWORD_${upper}`).test(env.KAFKA_SASL_PASSWORD ?? '')) {
    problems.push(`${name}: KAFKA_SASL_PASSWORD must be the required CMP_KAFKA_PASSWORD_${upper}`);
  }
  if (env.HOST !== '0.0.0.0') problems.push(`${name}: HOST must be 0.0.0.0 (services bind to loopback otherwise)`);
  if (!requiredVariable('CMP_HOP_PUBLIC_KEYS').test(env.CMP_HOP_PUBLIC_KEYS ?? '')) {
    problems.push(`${name}: CMP_HOP_PUBLIC_KEYS must be required`);
  }
  if (!networksOf(service).includes('internal')) problems.push(`${name}: must be on the internal network`);
  const deps = service.depends_on;
  const conditions: Record<string, string> = { kafka: 'service_healthy', postgres: 'service_healthy', 'kafka-acls': 'service_completed_successfully' };
  for (const [dependency, wanted] of Object.entries(conditions)) {
    const condition = deps && !Array.isArray(deps) ? deps[dependency]?.condition : undefined;
    if (condition !== wanted) problems.push(`${name}: must depend on ${dependency} (${wanted})`);
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

/** Every `${NAME…}` reference in the file, with what follows the name (`:?msg`, `:-default`, ``). */
function variableReferences(text: string): Array<{ name: string; rest: string }> {
  return [...text.replace(/^\s*#.*$/gm, '').matchAll(/\$\{([A-Z0-9_]+)([^}]*)\}/g)].map(([, name, rest]) => ({ name, rest }));
}

/** The stages of a Dockerfile: name, base and instructions. */
function dockerfileStages(text: string): Array<{ name: string; from: string; body: string }> {
  const args = Object.fromEntries([...text.matchAll(/^ARG (\w+)=(\S+)$/gm)].map(([, name, value]) => [name, value]));
  return text
    .split(/^(?=FROM )/m)
    .filter((chunk) => chunk.startsWith('FROM '))
    .map((chunk) => {
      const [, from, name] = required(/^FROM (\S+)(?: AS (\S+))?/.exec(chunk) ?? undefined, 'a FROM line');
      return { name: name ?? '', from: from.replace(/\$\{(\w+)\}/g, (_, arg: string) => args[arg] ?? `\${${arg}}`), body: chunk };
    });
}

function dclint(file: string): { exitCode: number; messages: Array<{ rule: string; message: string }> } {
  const bin = join(ROOT, 'node_modules', 'dclint', 'bin', 'dclint.cjs');
  const args = [bin, file, '--config', join(ROOT, '.dclintrc.yml'), '--max-warnings', '0', '--formatter', 'json', '--color', 'false'];
  let stdout: string;
  let exitCode = 0;
  try {
    stdout = execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    stdout = (error as { stdout: string }).stdout;
    exitCode = (error as { status: number }).status;
  }
  const [report] = JSON.parse(stdout) as Array<{ messages: Array<{ rule: string; message: string }> }>;
  return { exitCode, messages: report.messages };
}

describe('docker-compose.yml', () => {
  const text = readFileSync(COMPOSE_FILE, 'utf8');
  const compose = parseCompose(text);
  const { services } = compose;
  const apps = appsWithMain();
  const longRunning = Object.entries(services).filter(([, service]) => service.restart !== 'no');

  it('is a valid Compose Specification file with no problem dclint finds', () => {
    expect(dclint(COMPOSE_FILE)).toEqual({ exitCode: 0, messages: [] });
  });

  it('is held to the Compose Specification by dclint: a misspelt top-level key fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmp-compose-'));
    try {
      const broken = join(dir, 'docker-compose.yml');
      writeFileSync(broken, text.replace(/^name: cmp$/m, 'nmae: cmp'));
      const result = dclint(broken);
      expect(result.exitCode).not.toBe(0);
      expect(result.messages).toEqual([expect.objectContaining({ rule: 'invalid-schema' })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('publishes one port, the gateway, on loopback unless the operator names an interface', () => {
    const publishing = Object.entries(services).filter(([, service]) => (service.ports ?? []).length > 0);
    expect(publishing.map(([name]) => name)).toEqual(['gateway']);
    expect(services.gateway.ports).toEqual([{ target: 3000, host_ip: '${CMP_PUBLIC_ADDRESS:-127.0.0.1}', published: '${CMP_PUBLIC_PORT:-3000}', protocol: 'tcp' }]);
  });

  it('keeps services, Kafka and Postgres on an internal network; only the gateway is also on the public one', () => {
    expect(compose.networks?.internal).toEqual({ internal: true });
    expect(compose.networks?.public?.internal ?? false).toBe(false);
    for (const [name, service] of Object.entries(services)) {
      expect([name, networksOf(service)]).toEqual([name, name === 'gateway' ? ['internal', 'public'] : ['internal']]);
    }
  });

  it('requires every password, secret and key, with no default that could be a name', () => {
    const secret = /PASSWORD|SECRET|KEY/;
    const references = variableReferences(text).filter(({ name }) => secret.test(name));
    // Relay credentials and the bootstrap admin are optional features: empty when unset, never a value.
    const optional = new Set(['SMTP_PASSWORD', 'GATEWAY_BOOTSTRAP_ADMIN_PASSWORD']);
    const notRequired = references.filter(({ name, rest }) => !(rest.startsWith(':?') || (optional.has(name) && rest === ':-')));
    expect(notRequired).toEqual([]);
    expect(new Set(references.map(({ name }) => name))).toEqual(
      new Set([
        'POSTGRES_PASSWORD',
        ...apps.map((app) => `CMP_DB_PASSWORD_${app.toUpperCase()}`),
        ...apps.map((app) => `CMP_KAFKA_PASSWORD_${app.toUpperCase()}`),
        'CMP_KAFKA_ADMIN_PASSWORD',
        'CMP_KAFKA_CONTROLLER_PASSWORD',
        'GATEWAY_JWT_SECRET',
        'GATEWAY_SIGN_IN_FAILURE_SECRET',
        'GATEWAY_HOP_SIGNING_KEY',
        'CMP_HOP_PUBLIC_KEYS',
        ...optional,
      ]),
    );
    // And no secret is written into the file itself.
    for (const [name, service] of Object.entries(services)) {
      const literal = Object.entries(envOf(service)).filter(([key, value]) => secret.test(key) && !/^\$\{/.test(value) && !/\$\{[A-Z0-9_]+:\?/.test(value));
      expect([name, literal]).toEqual([name, []]);
    }
  });

  it('runs Kafka 3.9.1 unpublished, with a named volume and the broker script from infra/docker/kafka', () => {
    const kafka = services.kafka;
    expect(kafka.image).toBe('apache/kafka:3.9.1');
    expect(kafka.ports).toBeUndefined();
    expect(kafka.volumes).toContain('kafka-data:/var/lib/kafka/data');
    expect(envOf(kafka).KAFKA_LOG_DIRS).toBe('/var/lib/kafka/data');
    const scripts = required(
      bindSources(kafka).find((mount) => mount.host === join(ROOT, KAFKA_SCRIPTS)),
      'the infra/docker/kafka mount',
    );
    expect(kafka.entrypoint).toEqual(['/bin/bash', `${scripts.container}/start-broker.sh`]);
    expect(existsSync(join(ROOT, KAFKA_SCRIPTS, 'start-broker.sh'))).toBe(true);
  });

  it('configures Kafka as one KRaft node (broker and controller) replicating everything once', () => {
    const env = envOf(services.kafka);
    expect(env.KAFKA_PROCESS_ROLES.split(',').sort()).toEqual(['broker', 'controller']);
    expect(env.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(`${env.KAFKA_NODE_ID}@kafka:9093`);
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
      '/opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 --command-config /tmp/cmp-kafka/admin.properties --list',
    );
  });

  it('admits only SASL clients to Kafka and authorises every request against ACLs', () => {
    const script = readFileSync(join(ROOT, KAFKA_SCRIPTS, 'start-broker.sh'), 'utf8');
    expect(script).toContain('listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT');
    expect(script).toContain('listener.name.internal.sasl.enabled.mechanisms=SCRAM-SHA-512');
    expect(script).toContain('authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer');
    expect(script).toContain('allow.everyone.if.no.acl.found=false');
    expect(script).not.toMatch(/PLAINTEXT:PLAINTEXT|SASL_PLAINTEXT,[A-Z]+:PLAINTEXT/);
    expect(envOf(services.kafka).KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
  });

  it('gives every app a SCRAM principal on the broker and ACLs, from the same required passwords', () => {
    const broker = readFileSync(join(ROOT, KAFKA_SCRIPTS, 'start-broker.sh'), 'utf8');
    const acls = readFileSync(join(ROOT, KAFKA_SCRIPTS, 'set-acls.sh'), 'utf8');
    const principals = required(/^SERVICES=\(([^)]*)\)$/m.exec(broker)?.[1], 'SERVICES in start-broker.sh').split(/\s+/).sort();
    expect(principals).toEqual([...apps].sort());
    const kafkaEnv = envOf(services.kafka);
    for (const app of apps) {
      const variable = `CMP_KAFKA_PASSWORD_${app.toUpperCase()}`;
      expect([app, kafkaEnv[variable]]).toEqual([app, expect.stringMatching(requiredVariable(variable))]);
      expect([app, envOf(services[app]).KAFKA_SASL_PASSWORD]).toEqual([app, expect.stringMatching(requiredVariable(variable))]);
      expect([app, acls]).toEqual([app, expect.stringMatching(new RegExp(`^\\s+\\[${app}\\]="[^"]+"$`, 'm'))]);
    }
    // The compose broker grants what the local broker grants: the reads come from the contracts each service consumes.
    for (const app of apps) {
      const reads = required(new RegExp(`^\\s+\\[${app}\\]="([^"]+)"$`, 'm').exec(acls)?.[1], `READS of ${app} in set-acls.sh`).split(/\s+/).sort();
      expect([app, reads]).toEqual([app, [...serviceTopicAccess(app).consumedTopics]]);
    }
    const setup = services['kafka-acls'];
    expect(setup.image).toBe(services.kafka.image);
    expect(setup.entrypoint).toEqual(['/bin/bash', '/opt/cmp/kafka/set-acls.sh']);
    expect(setup.depends_on).toEqual({ kafka: { condition: 'service_healthy' } });
    expect(setup.restart).toBe('no');
  });

  it('runs Postgres 15 unpublished with a named volume and the infra/postgres init script', () => {
    const postgres = services.postgres;
    expect(postgres.image).toBe('postgres:15');
    expect(postgres.ports).toBeUndefined();
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

  it('gives the Postgres init script the same required service passwords the services use', () => {
    const env = envOf(services.postgres);
    expect(env.CMP_DB_NAME).toBe('cmp');
    expect(env.POSTGRES_PASSWORD).toMatch(requiredVariable('POSTGRES_PASSWORD'));
    for (const service of ['enrolment', 'matching', 'scheduling', 'notifications', 'evaluation', 'gateway']) {
      const variable = `CMP_DB_PASSWORD_${service.toUpperCase()}`;
      expect([variable, env[variable]]).toEqual([variable, expect.stringMatching(requiredVariable(variable))]);
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

  it('gives every long-running service a health check (the one-shot ACL set-up is not one)', () => {
    expect(Object.keys(services).filter((name) => !longRunning.some(([running]) => running === name))).toEqual(['kafka-acls']);
    for (const [name, service] of longRunning) {
      expect([name, Boolean(service.healthcheck?.test) && !service.healthcheck?.disable]).toEqual([name, true]);
    }
  });

  it('has a service template that builds infra/docker/Dockerfile and waits for healthy, authorised infrastructure', () => {
    const template = required(compose['x-service'], 'the x-service template');
    expect(template.build).toEqual({ context: '.', dockerfile: DOCKERFILE });
    expect(existsSync(join(ROOT, DOCKERFILE))).toBe(true);
    const env = envOf(template);
    expect(env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', KAFKA_BROKERS: 'kafka:9092', KAFKA_SASL_MECHANISM: 'scram-sha-512' });
    expect(template.networks).toEqual(['internal']);
    expect(template.depends_on).toEqual({
      kafka: { condition: 'service_healthy' },
      'kafka-acls': { condition: 'service_completed_successfully' },
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
    expect(isServiceImage(entry)).toBe(true);
    expect(serviceEntryProblems('enrolment', entry)).toEqual([]);

    // And the checks do catch an entry that borrows another service's role and principal.
    const borrowed = example.replace('postgresql://cmp_enrolment:', 'postgresql://cmp_matching:').replace('KAFKA_SASL_USERNAME: enrolment', 'KAFKA_SASL_USERNAME: matching');
    const withBorrowed = withoutReal.replace(/^services:\n/m, `services:\n${borrowed}`);
    expect(serviceEntryProblems('enrolment', parseCompose(withBorrowed).services.enrolment)).toEqual([
      expect.stringContaining('DATABASE_URL must use role cmp_enrolment'),
      expect.stringContaining('KAFKA_SASL_USERNAME must be its own principal'),
    ]);
  });

  it('gives every service entry its own role, principal and required secrets, HOST, Kafka and healthy dependencies', () => {
    const problems = Object.entries(services)
      .filter(([, service]) => isServiceImage(service))
      .flatMap(([name, service]) => serviceEntryProblems(name, service));
    expect(problems).toEqual([]);
  });

  it('gives the gateway its required signing secrets and every service the hop public keys', () => {
    const env = envOf(services.gateway);
    expect(env.GATEWAY_JWT_SECRET).toMatch(requiredVariable('GATEWAY_JWT_SECRET'));
    expect(env.GATEWAY_HOP_SIGNING_KEY).toMatch(requiredVariable('GATEWAY_HOP_SIGNING_KEY'));
    const others = Object.entries(services).filter(([name, service]) => isServiceImage(service) && name !== 'gateway');
    expect(others.filter(([, service]) => 'GATEWAY_HOP_SIGNING_KEY' in envOf(service)).map(([name]) => name)).toEqual([]);
  });

  it('sends mail through a relay the operator must name, over TLS; the capture server only in the dev profile', () => {
    const env = envOf(services.notifications);
    expect(env.SMTP_HOST).toMatch(requiredVariable('SMTP_HOST'));
    expect(env.SMTP_REQUIRE_TLS).toBe('true');
    expect(env.NODE_ENV).toBe('production');

    const helpers = Object.entries(services).filter(([, service]) => isBuiltFromServiceDockerfile(service) && !isServiceImage(service));
    expect(helpers.map(([name]) => name)).toEqual(['mail-capture']);
    const [, capture] = helpers[0];
    expect(capture.profiles).toEqual(['dev']);
    expect((capture.build as { target?: string }).target).toBe('development');
    const script = (capture.command as string[]).find((part) => part.endsWith('.ts'));
    expect(script && existsSync(join(ROOT, script))).toBe(true);
    // Every other service runs without a profile, so `docker compose up` never starts the capture.
    expect(Object.entries(services).filter(([, service]) => service.profiles !== undefined).map(([name]) => name)).toEqual(['mail-capture']);
  });

  it('has a compose service for every app with src/main.ts', () => {
    const missing = apps.filter((app) => !services[app] || !isServiceImage(services[app]));
    expect(missing).toEqual([]);
  });
});

describe('infra/docker/Dockerfile', () => {
  const text = readFileSync(join(ROOT, DOCKERFILE), 'utf8');
  const stages = dockerfileStages(text);
  const runtime = stages[stages.length - 1];

  it('builds every stage from the Node.js the project pins, on Debian bookworm slim', () => {
    expect(stages.map((stage) => stage.from).filter((from) => !stages.some((stage) => stage.name === from))).toEqual(
      stages.filter((stage) => !stages.some((other) => other.name === stage.from)).map(() => `node:${PINNED_NODE}-bookworm-slim`),
    );
  });

  it('runs compiled JavaScript as the unprivileged node user, with production dependencies only', () => {
    expect(runtime.name).toBe('runtime');
    expect(runtime.body).toMatch(/^USER node$/m);
    expect(runtime.body).toMatch(/^ENV NODE_ENV=production/m);
    expect(runtime.body).toMatch(/exec node \\"dist\/apps\/\$SERVICE\/src\/main\.js\\"/);
    expect(runtime.body).not.toContain('@swc-node/register');
    const dependencies = required(/^COPY --from=(\S+) \/app\/node_modules/m.exec(runtime.body)?.[1], 'the node_modules copy');
    const dependencyStage = required(stages.find((stage) => stage.name === dependencies), `stage ${dependencies}`);
    expect(dependencyStage.body).toMatch(/npm ci --omit=dev/);
    const compiled = required(/^COPY --from=(\S+) \/app\/dist/m.exec(runtime.body)?.[1], 'the dist copy');
    expect(required(stages.find((stage) => stage.name === compiled), `stage ${compiled}`).body).toMatch(/nx run-many -t build/);
  });

  it('has a health check on /health/live', () => {
    expect(runtime.body).toMatch(/^HEALTHCHECK .*\n\s+CMD .*\/health\/live/m);
  });
});
