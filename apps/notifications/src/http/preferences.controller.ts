import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { type Actor, callerName } from '@cmp/kernel';
import { Access, type AccessRules, CurrentActor, ownParam } from '@cmp/platform';
import { Preferences } from '../application/contacts/preferences';
import { requirePerson } from '../domain/actor-access';
import { PreferencesRequest } from './preferences.requests';
import { preferencesResponse } from './preferences.responses';

const PERSON_ONLY: AccessRules = { mentee: ownParam('personId'), mentor: ownParam('personId') };

/** A person's own message preferences. */
@Access(PERSON_ONLY)
@Controller('people/:personId/preferences')
export class PreferencesController {
  constructor(private readonly preferences: Preferences) {}

  @Get()
  async get(@CurrentActor() actor: Actor, @Param('personId', ParseUUIDPipe) personId: string) {
    requirePerson(actor, personId);
    return preferencesResponse(await this.preferences.get(personId));
  }

  @Put()
  async set(@CurrentActor() actor: Actor, @Param('personId', ParseUUIDPipe) personId: string, @Body() body: PreferencesRequest) {
    requirePerson(actor, personId);
    return preferencesResponse(await this.preferences.set(callerName(actor), personId, body.nonEssential));
  }
}
