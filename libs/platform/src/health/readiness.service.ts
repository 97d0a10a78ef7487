import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { type HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { HEALTH_MODULE_OPTIONS, type HealthModuleOptions } from './health-module.options';
import { type ReadinessCheck, type ReadinessCheckRef, isReadinessCheck } from './readiness-check';

const DEFAULT_CHECK_TIMEOUT_MS = 3000;

/**
 * The entry of the readiness report that tells operators which Node.js runs the process (the
 * project pins one version; an instance on another one shows up here and in the system test).
 * Always up: it reports, it does not check.
 */
export const RUNTIME_REPORT_NAME = 'runtime';

/** Resolves the registered readiness checks and turns them into terminus health indicators. */
@Injectable()
export class ReadinessService implements OnModuleInit {
  private checks: readonly ReadinessCheck[] = [];

  constructor(
    @Inject(HEALTH_MODULE_OPTIONS) private readonly options: HealthModuleOptions,
    private readonly moduleRef: ModuleRef,
    private readonly indicators: HealthIndicatorService,
  ) {}

  onModuleInit(): void {
    const checks = (this.options.checks ?? []).map((ref) => this.resolve(ref));
    const names = checks.map((check) => check.name);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate !== undefined) {
      throw new Error(`Two readiness checks are named "${duplicate}"; names key the /health/ready report`);
    }
    if (names.includes(RUNTIME_REPORT_NAME)) {
      throw new Error(`A readiness check is named "${RUNTIME_REPORT_NAME}", which the /health/ready report keeps for the Node.js version`);
    }
    this.checks = checks;
  }

  /** The names of the checks `/health/ready` runs. */
  checkNames(): string[] {
    return this.checks.map((check) => check.name);
  }

  /**
   * The runtime report, then one terminus indicator per check: up when it resolves in time,
   * down with its message otherwise.
   */
  healthIndicators(): HealthIndicatorFunction[] {
    const timeoutMs = this.options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
    const runtime: HealthIndicatorFunction = async () => this.indicators.check(RUNTIME_REPORT_NAME).up({ node: process.version });
    return [runtime, ...this.checks.map((check) => async () => {
      const session = this.indicators.check(check.name);
      try {
        await withTimeout(check.check(), timeoutMs, check.name);
        return session.up();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return check.optional ? session.up({ degraded: true, message }) : session.down({ message });
      }
    })];
  }

  private resolve(ref: ReadinessCheckRef): ReadinessCheck {
    if (isReadinessCheck(ref)) {
      return ref;
    }
    let resolved: unknown;
    try {
      resolved = this.moduleRef.get(ref, { strict: false });
    } catch {
      throw new Error(
        `Readiness check ${describe(ref)} is not provided by any module; add it to the providers of the module that owns its dependencies`,
      );
    }
    if (!isReadinessCheck(resolved)) {
      throw new Error(`Provider ${describe(ref)} does not implement ReadinessCheck (a name and a check() method)`);
    }
    return resolved;
  }
}

function describe(ref: unknown): string {
  return typeof ref === 'function' ? ref.name : String(ref);
}

async function withTimeout(work: Promise<void>, timeoutMs: number, name: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
