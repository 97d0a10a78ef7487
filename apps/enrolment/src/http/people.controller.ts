import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { Access, CallerName } from '@cmp/platform';
import { AuditQueries } from '../application/audit/audit-queries';
import { ConsentCommands } from '../application/consents/consent-commands';
import { PersonCommands } from '../application/people/person-commands';
import { PersonQueries } from '../application/people/person-queries';
import { OPERATORS, OPERATORS_OR_SELF } from './access';
import { PageResponse, pageResponse } from './page.responses';
import { AuditQuery, ChangeConsentRequest, ConsentParams } from './people.requests';
import {
  AuditEntryResponse,
  auditEntryResponse,
  ConsentResponse,
  consentResponse,
  PersonalDataExportResponse,
  personalDataExportResponse,
} from './people.responses';

@Controller()
export class PeopleController {
  constructor(
    private readonly consents: ConsentCommands,
    private readonly people: PersonCommands,
    private readonly personQueries: PersonQueries,
    private readonly audit: AuditQueries,
  ) {}

  @Access(OPERATORS_OR_SELF)
  @Put('people/:id/consents/:purpose')
  async changeConsent(@CallerName() actor: string, @Param() params: ConsentParams, @Body() body: ChangeConsentRequest): Promise<ConsentResponse> {
    return consentResponse(await this.consents.change(actor, { personId: params.id, purpose: params.purpose, granted: body.granted, noticeVersion: body.noticeVersion }));
  }

  @Access(OPERATORS_OR_SELF)
  @Get('people/:id/export')
  async export(@Param('id', ParseUUIDPipe) id: string): Promise<PersonalDataExportResponse> {
    return personalDataExportResponse(await this.personQueries.export(id));
  }

  @Access(OPERATORS_OR_SELF)
  @Post('people/:id/erase')
  @HttpCode(204)
  async erase(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.people.erase(actor, id);
  }

  @Access(OPERATORS)
  @Get('audit')
  async trail(@Query() query: AuditQuery): Promise<PageResponse<AuditEntryResponse>> {
    return pageResponse(await this.audit.trail(query.entityId, query), auditEntryResponse);
  }
}
