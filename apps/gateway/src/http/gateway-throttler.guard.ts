import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { clientAddressKey } from '../domain/client-address';
import { GatewayRequest } from './gateway-request';

/** Rate limits per client address (see `clientAddressKey`; the proxy's view of it when `GATEWAY_TRUST_PROXY` is on). */
@Injectable()
export class GatewayThrottlerGuard extends ThrottlerGuard {
  /** Event handlers share the module's guards; rate limits are for HTTP clients only. */
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http';
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return clientAddressKey((request as unknown as GatewayRequest).ip);
  }
}
