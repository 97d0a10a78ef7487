import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAccounts } from '../application/accounts/staff-accounts';
import { CreateAccountRequest } from './dto/auth.request.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('api/v1/accounts')
export class AccountsController {
  constructor(private readonly staff: StaffAccounts) {}

  @Post()
  create(@Body() body: CreateAccountRequest) {
    return this.staff.create(body.role, body.email, body.password);
  }
}
