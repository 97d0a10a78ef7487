import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PersonErasedData } from '@cmp/contracts';
import { Clock, CLOCK } from '@cmp/platform';
import { Answers, SurveyQuestion, withoutFreeText } from '../../domain/surveys/survey-question';
import { PeopleDirectory } from './people-directory';

/**
 * Erasure keeps the numbers and drops the person: the key stays on participants, mentorships,
 * outcomes and responses (so past cohorts' KPIs do not move), while the link from key to person,
 * the survey links, open invitations, free-text answers and coordinators' notes go.
 */
@Injectable()
export class PersonErasure {
  constructor(
    private readonly people: PeopleDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async erase(manager: EntityManager, data: PersonErasedData): Promise<void> {
    const key = await this.people.existingKey(manager, data.personId);
    await this.people.markErased(manager, data.personId);
    if (!key) return;
    const now = this.clock();
    await manager.query(`DELETE FROM invitation_tokens t USING invitations i WHERE t.invitation_id = i.id AND i.person_key = $1`, [key]);
    await manager.query(`UPDATE invitations SET status = 'withdrawn', closed_at = $2 WHERE person_key = $1 AND status = 'sent'`, [key, now]);
    const responses: { id: string; answers: Answers; questions: SurveyQuestion[] }[] = await manager.query(
      `SELECT r.id, r.answers, s.questions FROM responses r JOIN invitations i ON i.id = r.invitation_id JOIN surveys s ON s.id = r.survey_id
       WHERE i.person_key = $1`,
      [key],
    );
    for (const response of responses) {
      await manager.query(`UPDATE responses SET answers = $2::jsonb WHERE id = $1`, [response.id, JSON.stringify(withoutFreeText(response.questions, response.answers))]);
    }
    await manager.query(`UPDATE outcomes SET source_note = NULL WHERE person_key = $1`, [key]);
    // Consent to share with the referrer lapses with the person: partners no longer see them.
    await manager.query(`UPDATE people SET person_id = NULL, share_outcomes_consent = false, erased_at = $2 WHERE key = $1`, [key, now]);
  }
}
