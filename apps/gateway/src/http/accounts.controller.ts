import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAccounts } from '../application/accounts/staff-accounts';
import { requireRole } from '../domain/principal';
import { CreateAccountRequest } from './dto/auth.request.dto';
import { GatewayRequest } from './gateway-request';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('api/v1/accounts')
export class AccountsController {
  constructor(private readonly staff: StaffAccounts) {}

  @Post()
  create(@Body() body: CreateAccountRequest, @Req() request: GatewayRequest) {
    requireRole(request.principal, ['admin']);
    return this.staff.create(body.role, body.email, body.password);
  }
}
