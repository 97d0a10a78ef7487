import {
  Body,
  type CanActivate,
  Controller,
  Get,
  Injectable,
  Module,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseGuards,
  type INestApplication,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsEmail, IsIn, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { PlatformModule } from '../bootstrap/platform.module';
import { configureServiceApp } from '../bootstrap/create-service-app';
import type { PlatformModuleOptions } from '../bootstrap/platform-module.options';
import { correlationContext } from '../correlation/correlation-context';
import type { Problem, ProblemSource } from '../errors/problem';
import { problemType } from '../errors/problem-types';
import type { ReadinessCheck } from '../health/readiness-check';
import { resetPinoLoggerForTests } from './reset-pino-logger';

/** A test application built the way a service's is: PlatformModule plus configureServiceApp. */

class ContactRequest {
  @IsEmail()
  readonly email: string;
}

class AddressRequest {
  @IsString()
  readonly city: string;

  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => ContactRequest)
  readonly contacts: ContactRequest[];
}

export class CreateEntryRequest {
  @IsString()
  readonly name: string;

  @IsInt()
  @Min(1)
  readonly quantity: number;

  @ValidateNested()
  @Type(() => AddressRequest)
  readonly address: AddressRequest;
}

/** A list's filter and page, as services declare them: class-validator rules only. */
export class EntryListQuery {
  @IsIn(['open', 'closed'])
  readonly status: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  readonly limit?: number;
}

/** A domain-style error that knows its problem, as a service's own errors would. */
export class QuotaExceededError extends Error implements ProblemSource {
  constructor(readonly limit: number) {
    super(`The quota of ${limit} entries is used up`);
  }

  toProblem(): Problem {
    return {
      type: problemType('quota-exceeded'),
      title: 'Quota exceeded',
      status: 409,
      detail: this.message,
      extensions: { limit: this.limit, status: 200, type: 'overridden' },
    };
  }
}

export const LEAKY_MESSAGE = 'connect ECONNREFUSED 10.1.2.3:5432 password=hunter2';

/** Rejects every request, as an authorisation guard does for a caller without the role. */
class DenyAllGuard implements CanActivate {
  canActivate(): boolean {
    return false;
  }
}

@Controller('probe')
class ProbeController {
  @Get('correlation')
  correlation(): unknown {
    return correlationContext.current() ?? null;
  }

  @Post('entries')
  create(@Body() body: CreateEntryRequest): unknown {
    return { received: body, isDto: body instanceof CreateEntryRequest };
  }

  @Get('entries')
  list(@Query() query: EntryListQuery): unknown {
    return query;
  }

  @Get('entries/:id')
  find(@Param('id') id: string): unknown {
    if (id === 'missing') {
      throw new NotFoundException('No entry with id missing');
    }
    return { id };
  }

  @Get('teams/:teamId/members/:memberId')
  member(@Param('teamId', ParseUUIDPipe) teamId: string, @Param('memberId', ParseUUIDPipe) memberId: string): unknown {
    return { teamId, memberId };
  }

  @Get('members')
  members(@Query('teamId', ParseUUIDPipe) teamId: string): unknown {
    return { teamId };
  }

  @Get('crash')
  crash(): never {
    throw new Error(LEAKY_MESSAGE);
  }

  @Get('private')
  @UseGuards(DenyAllGuard)
  restricted(): string {
    return 'never served';
  }

  @Get('quota')
  quota(): never {
    throw new QuotaExceededError(3);
  }
}

/** A link whose path is its credential, as evaluation's survey links are. */
@Controller('surveys/answer')
class SecretLinkController {
  @Get(':token')
  open(@Param('token') token: string): unknown {
    if (token === 'expired-token-0123456789') {
      throw new NotFoundException('the link has expired');
    }
    return { opened: true };
  }
}

/** A readiness check the test switches between passing and failing. */
@Injectable()
export class SwitchableReadinessCheck implements ReadinessCheck {
  readonly name = 'broker';
  ready = true;

  async check(): Promise<void> {
    if (!this.ready) {
      throw new Error('broker unreachable');
    }
  }
}

@Module({ controllers: [ProbeController, SecretLinkController], providers: [SwitchableReadinessCheck], exports: [SwitchableReadinessCheck] })
class ProbeModule {}

export const PROBE_SERVICE_NAME = 'probe-service';

export async function createProbeApp(options: Partial<PlatformModuleOptions> = {}): Promise<INestApplication> {
  // nestjs-pino keeps one process-wide logger for lines written outside a request, built by
  // the first application; a service has one application, these tests have several.
  resetPinoLoggerForTests();
  const moduleRef = await Test.createTestingModule({
    imports: [
      ProbeModule,
      PlatformModule.forRoot({
        serviceName: PROBE_SERVICE_NAME,
        logLevel: 'silent',
        readinessChecks: [SwitchableReadinessCheck],
        ...options,
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureServiceApp(app, { authentication: 'edge' });
  await app.init();
  return app;
}

/** Collects the JSON lines pino writes, for tests that read the logs. */
export class LogCollector {
  readonly lines: Record<string, unknown>[] = [];

  write(line: string): void {
    this.lines.push(JSON.parse(line) as Record<string, unknown>);
  }
}
