import { Controller, Get, HttpStatus, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService } from '@nestjs/terminus';
import type { HealthCheckResult, HealthIndicatorFunction } from '@nestjs/terminus';
import type { HttpResponse } from '../http/http-message';
import { ReadinessService } from './readiness.service';
import { Public } from '../hop/caller.decorators';

/**
 * Liveness and readiness probes, answered in terminus's report format
 * (`{ status, info, error, details }`) rather than as problem details: the report is what
 * an operator reading a failed probe wants to see.
 */
// Open to every caller: the probes need no token at all (see hopAuthentication), the rest a signed one.
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessService,
  ) {}

  /** 200 while the process answers HTTP at all; 503 once shutdown has begun. */
  @Get('live')
  live(@Res({ passthrough: true }) response: HttpResponse): Promise<HealthCheckResult> {
    return this.report([], response);
  }

  /** 200 when every readiness check passes; 503 naming the failing ones otherwise. */
  @Get('ready')
  ready(@Res({ passthrough: true }) response: HttpResponse): Promise<HealthCheckResult> {
    return this.report(this.readiness.healthIndicators(), response);
  }

  private async report(indicators: HealthIndicatorFunction[], response: HttpResponse): Promise<HealthCheckResult> {
    try {
      return await this.health.check(indicators);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        response.statusCode = HttpStatus.SERVICE_UNAVAILABLE;
        // terminus puts the full report, failing checks included, in the exception's body.
        return error.getResponse() as HealthCheckResult;
      }
      throw error;
    }
  }
}
