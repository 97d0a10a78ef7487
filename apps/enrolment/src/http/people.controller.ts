import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { IsIn, IsUUID } from 'class-validator';
import { CONSENT_PURPOSES, ConsentPurpose } from '@cmp/contracts';
import { ConsentCommands } from '../application/consents/consent-commands';
import { PersonalDataHandler } from '../application/personal-data/personal-data.handler';
import { EnrolmentQueries } from '../application/queries/enrolment-queries';
import { AuditQuery, ChangeConsentRequest } from './dto/common-query.dto';
import { Access, CallerName } from '@cmp/platform';
import { OPERATORS, OPERATORS_OR_SELF } from './access';

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

  @Access(OPERATORS_OR_SELF)
  @Put('people/:id/consents/:purpose')
  changeConsent(
    @CallerName() actor: string,
    @Param() params: ConsentParams,
    @Body() body: ChangeConsentRequest,
  ) {
    return this.consents.change(actor, { personId: params.id, purpose: params.purpose, granted: body.granted, noticeVersion: body.noticeVersion });
  }

  @Access(OPERATORS_OR_SELF)
  @Get('people/:id/export')
  export(@Param('id', ParseUUIDPipe) id: string) {
    return this.personalData.export(id);
  }

  @Access(OPERATORS_OR_SELF)
  @Post('people/:id/erase')
  @HttpCode(204)
  async erase(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.personalData.erase(actor, id);
  }

  @Access(OPERATORS)
  @Get('audit')
  audit(@Query() query: AuditQuery) {
    return this.queries.auditTrail(query.entityId, query);
  }
}
