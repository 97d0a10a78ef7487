import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ServiceHealth } from '../application/health/service-health';

interface StatusResponse {
  status(code: number): { json(body: unknown): void };
}

/** `/health`: the whole system's readiness, one entry per service (the gateway's own is `/health/ready`). */
@ApiTags('health')
@Controller('health')
export class SystemHealthController {
  constructor(private readonly health: ServiceHealth) {}

  @Get()
  async check(@Res() response: StatusResponse): Promise<void> {
    const report = await this.health.check();
    response.status(report.status === 'up' ? 200 : 503).json(report);
  }
}
