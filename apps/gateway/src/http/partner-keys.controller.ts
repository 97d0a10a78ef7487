import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PartnerKeys } from '../application/api-keys/partner-keys';
import { actorOf, requireRole, STAFF_ROLES } from '../domain/principal';
import { CreatePartnerKeyRequest, PartnerKeyListQuery } from './dto/auth.request.dto';
import { GatewayRequest } from './gateway-request';

@ApiTags('partner keys')
@ApiBearerAuth()
@Controller('api/v1/partner-keys')
export class PartnerKeysController {
  constructor(private readonly keys: PartnerKeys) {}

  /** The response carries the key: the only time it is shown. */
  @Post()
  create(@Body() body: CreatePartnerKeyRequest, @Req() request: GatewayRequest) {
    return this.keys.create(body.organisationId, body.name, actorOf(requireRole(request.principal, STAFF_ROLES)));
  }

  @Get()
  list(@Query() query: PartnerKeyListQuery, @Req() request: GatewayRequest) {
    requireRole(request.principal, STAFF_ROLES);
    return this.keys.list(query.organisationId);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  revoke(@Param('id', ParseUUIDPipe) id: string, @Req() request: GatewayRequest) {
    requireRole(request.principal, STAFF_ROLES);
    return this.keys.revoke(id);
  }
}
