import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { PreferenceRepository } from './preference.repository';

export interface PersonPreferences {
  readonly personId: string;
  readonly nonEssential: boolean;
}

/** Opt-out of non-essential messages (reminders, nudges, surveys); essential ones always go. */
@Injectable()
export class Preferences {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly preferences: PreferenceRepository,
  ) {}

  /** Someone who never chose gets them. */
  get(personId: string): Promise<PersonPreferences> {
    return this.uow.read(async (tx) => ({ personId, nonEssential: (await this.preferences.wantsNonEssential(tx, personId)) ?? true }));
  }

  set(actor: string, personId: string, nonEssential: boolean): Promise<PersonPreferences> {
    return this.uow.run(actor, async (tx) => {
      await this.preferences.save(tx, personId, nonEssential);
      return { personId, nonEssential };
    });
  }
}
