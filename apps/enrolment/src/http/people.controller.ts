import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { IsIn, IsUUID } from 'class-validator';
import { CONSENT_PURPOSES, ConsentPurpose } from '@cmp/contracts';
import { ConsentCommands } from '../application/consents/consent-commands';
import { PersonalDataHandler } from '../application/personal-data/personal-data.handler';
import { EnrolmentQueries } from '../application/queries/enrolment-queries';
import { ActingAs } from './actor.decorator';
import { AuditQuery, ChangeConsentRequest } from './dto/common-query.dto';

class ConsentParams {
  @IsUUID() readonly id: string;
  @IsIn(CONSENT_PURPOSES) readonly purpose: ConsentPurpose;
}

@Controller()
export class PeopleController {
  constructor(
    private readonly consents: ConsentCommands,
    private readonly personalData: PersonalDataHandler,
    private readonly queries: EnrolmentQueries,
  ) {}

  @Put('people/:id/consents/:purpose')
  changeConsent(
    @ActingAs() actor: string,
    @Param() params: ConsentParams,
    @Body() body: ChangeConsentRequest,
  ) {
    return this.consents.change(actor, { personId: params.id, purpose: params.purpose, granted: body.granted, noticeVersion: body.noticeVersion });
  }

  @Get('people/:id/export')
  export(@Param('id', ParseUUIDPipe) id: string) {
    return this.personalData.export(id);
  }

  @Post('people/:id/erase')
  @HttpCode(204)
  async erase(@ActingAs() actor: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.personalData.erase(actor, id);
  }

  @Get('audit')
  audit(@Query() query: AuditQuery) {
    return this.queries.auditTrail(query.entityId, query);
  }
}
