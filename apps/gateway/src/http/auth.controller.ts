import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SessionTokens } from '../application/sessions/session-tokens';
import { PasswordSignIn } from '../application/sign-in/password-sign-in';
import { SignInLinks } from '../application/sign-in/sign-in-links';
import { clientAddressKey } from '../domain/client-address';
import { GatewayError } from '../domain/gateway-error';
import { requireRole, ROLES } from '../domain/principal';
import { RedeemSignInLinkRequest, RefreshRequest, SignInLinkRequest, SignInRequest } from './dto/auth.request.dto';
import { GatewayRequest } from './gateway-request';

interface HeaderSink {
  setHeader(name: string, value: string): void;
}

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly passwordSignIn: PasswordSignIn,
    private readonly links: SignInLinks,
    private readonly sessions: SessionTokens,
  ) {}

  @Post('sign-in')
  @HttpCode(200)
  async signIn(@Body() body: SignInRequest, @Req() request: GatewayRequest, @Res({ passthrough: true }) response: HeaderSink) {
    try {
      return await this.passwordSignIn.execute(body.email, body.password, clientAddressKey(request.ip));
    } catch (error) {
      const retryAfter = error instanceof GatewayError ? error.extension('retryAfterSeconds') : undefined;
      if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
      throw error;
    }
  }

  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshRequest) {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Body() body: RefreshRequest): Promise<void> {
    await this.sessions.signOut(body.refreshToken);
  }

  /** 202 whether or not the address has an account: the answer must not reveal who takes part. */
  @Post('sign-in-links')
  @HttpCode(202)
  async requestLink(@Body() body: SignInLinkRequest): Promise<{ status: string }> {
    await this.links.request(body.email);
    return { status: 'if the address belongs to a mentee or mentor, a sign-in link is on its way' };
  }

  @Post('sign-in-links/redeem')
  @HttpCode(200)
  redeemLink(@Body() body: RedeemSignInLinkRequest) {
    return this.links.redeem(body.token);
  }

  @Get('me')
  @ApiBearerAuth()
  me(@Req() request: GatewayRequest) {
    return requireRole(request.principal, ROLES);
  }
}
