import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock, CLOCK } from '@cmp/platform';
import { PreferenceEntity } from '../../infrastructure/entities/notifications.entities';

/** Opt-out of non-essential messages (reminders, nudges, surveys); essential ones always go. */
@Injectable()
export class Preferences {
  constructor(
    @InjectRepository(PreferenceEntity) private readonly preferences: Repository<PreferenceEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(personId: string): Promise<{ personId: string; nonEssential: boolean }> {
    const found = await this.preferences.findOne({ where: { personId } });
    return { personId, nonEssential: found?.nonEssential ?? true };
  }

  async set(personId: string, nonEssential: boolean): Promise<{ personId: string; nonEssential: boolean }> {
    await this.preferences.upsert({ personId, nonEssential, updatedAt: this.clock() }, ['personId']);
    return { personId, nonEssential };
  }
}
