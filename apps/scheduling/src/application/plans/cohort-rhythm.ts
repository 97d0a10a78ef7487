import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, requireStaff } from '../../domain/actor';
import { ProgrammeRhythm } from '../../domain/programme-rhythm';

/** A coordinator's rhythm for a cohort; plans created from then on follow it. */
@Injectable()
export class CohortRhythm {
  constructor(private readonly dataSource: DataSource) {}

  async set(actor: Actor, cohortId: string, rhythm: ProgrammeRhythm): Promise<{ cohortId: string; rhythm: ProgrammeRhythm }> {
    requireStaff(actor, 'change a cohort’s rhythm');
    const stored = { kickOffWithinDays: rhythm.kickOffWithinDays, intervalDays: rhythm.intervalDays, sessionMinutes: rhythm.sessionMinutes };
    // The cohort's dates may not have arrived yet; the row waits for them.
    await this.dataSource.query(
      `INSERT INTO cohorts (id, rhythm) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO UPDATE SET rhythm = EXCLUDED.rhythm`,
      [cohortId, JSON.stringify(stored)],
    );
    return { cohortId, rhythm: stored };
  }
}
