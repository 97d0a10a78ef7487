import { Injectable } from '@nestjs/common';
import { ReadTransaction, Transaction } from '@cmp/kernel';
import { SurveyRepository, SurveyVersion } from '../../application/surveys/survey.repository';
import { SurveySlug } from '../../domain/surveys/standard-surveys';
import { SurveyEntity } from '../entities/survey.entity';
import { entityManagerOf } from '@cmp/messaging';

@Injectable()
export class TypeOrmSurveyRepository extends SurveyRepository {
  async addIfNew(tx: Transaction, survey: SurveyVersion): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO surveys (id, slug, version, title, questions, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) ON CONFLICT (slug, version) DO NOTHING`,
      [survey.id, survey.slug, survey.version, survey.title, JSON.stringify(survey.questions), survey.createdAt, survey.createdBy],
    );
  }

  async add(tx: Transaction, survey: SurveyVersion): Promise<void> {
    await entityManagerOf(tx).insert(SurveyEntity, { ...survey });
  }

  async lockSeries(tx: Transaction, slug: SurveySlug): Promise<void> {
    await entityManagerOf(tx).query(`SELECT pg_advisory_xact_lock(hashtext('survey:' || $1))`, [slug]);
  }

  async latest(tx: ReadTransaction, slug: string): Promise<SurveyVersion | null> {
    const entity = await entityManagerOf(tx).findOne(SurveyEntity, { where: { slug }, order: { version: 'DESC' } });
    return entity ? surveyOf(entity) : null;
  }

  async byId(tx: ReadTransaction, id: string): Promise<SurveyVersion> {
    return surveyOf(await entityManagerOf(tx).findOneByOrFail(SurveyEntity, { id }));
  }

  latestOfEach(tx: ReadTransaction): Promise<SurveyVersion[]> {
    return entityManagerOf(tx).query(
      `SELECT DISTINCT ON (slug) id, slug, version, title, questions, created_at AS "createdAt", created_by AS "createdBy"
       FROM surveys ORDER BY slug, version DESC`,
    );
  }

  async versions(tx: ReadTransaction, slug: string): Promise<SurveyVersion[]> {
    return (await entityManagerOf(tx).find(SurveyEntity, { where: { slug }, order: { version: 'ASC' } })).map(surveyOf);
  }
}

function surveyOf(entity: SurveyEntity): SurveyVersion {
  return {
    id: entity.id,
    slug: entity.slug,
    version: entity.version,
    title: entity.title,
    questions: entity.questions,
    createdAt: entity.createdAt,
    createdBy: entity.createdBy,
  };
}
