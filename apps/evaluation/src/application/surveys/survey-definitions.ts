import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CLOCK } from '@cmp/platform';
import { invalidSurvey, notFound } from '../../domain/evaluation-error';
import { STANDARD_SURVEYS, SurveySlug } from '../../domain/surveys/standard-surveys';
import { definitionProblems, SurveyQuestion } from '../../domain/surveys/survey-question';
import { SurveyEntity } from '../../infrastructure/entities/evaluation.entities';

/**
 * Survey definitions with versioned questions. An invitation is tied to the version current when
 * it was sent, so a new version never changes what an earlier respondent was asked.
 */
@Injectable()
export class SurveyDefinitions implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Version 1 of each standard survey exists from the first start (idempotent across instances). */
  async onModuleInit(): Promise<void> {
    for (const [slug, survey] of Object.entries(STANDARD_SURVEYS)) {
      await this.dataSource.query(
        `INSERT INTO surveys (id, slug, version, title, questions, created_at, created_by)
         VALUES ($1, $2, 1, $3, $4::jsonb, $5, 'system') ON CONFLICT (slug, version) DO NOTHING`,
        [randomUUID(), slug, survey.title, JSON.stringify(survey.questions), this.clock()],
      );
    }
  }

  async latest(manager: EntityManager, slug: SurveySlug): Promise<SurveyEntity> {
    const survey = await manager.findOne(SurveyEntity, { where: { slug }, order: { version: 'DESC' } });
    if (!survey) throw notFound('survey', slug);
    return survey;
  }

  list(): Promise<SurveyEntity[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (slug) id, slug, version, title, questions, created_at AS "createdAt", created_by AS "createdBy"
       FROM surveys ORDER BY slug, version DESC`,
    );
  }

  async versions(slug: string): Promise<SurveyEntity[]> {
    const versions = await this.dataSource.getRepository(SurveyEntity).find({ where: { slug }, order: { version: 'ASC' } });
    if (versions.length === 0) throw notFound('survey', slug);
    return versions;
  }

  /** Publishes the next version of a standard survey; invitations sent from now on use it. */
  publishVersion(actor: string, slug: SurveySlug, title: string, questions: SurveyQuestion[]): Promise<SurveyEntity> {
    const problems = definitionProblems(questions);
    if (slug === 'follow-up') problems.push(...followUpProblems(questions));
    if (problems.length > 0) throw invalidSurvey(problems);
    return this.dataSource.transaction(async (manager) => {
      // Serialises concurrent publishers of the same survey so versions stay consecutive.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('survey:' || $1))`, [slug]);
      const current = await this.latest(manager, slug);
      const survey = manager.create(SurveyEntity, {
        id: randomUUID(),
        slug,
        version: current.version + 1,
        title,
        questions,
        createdAt: this.clock(),
        createdBy: actor,
      });
      await manager.insert(SurveyEntity, survey);
      return survey;
    });
  }
}

/** A follow-up survey feeds the outcomes, so it must keep the questions they are read from. */
function followUpProblems(questions: readonly SurveyQuestion[]): string[] {
  const standard = STANDARD_SURVEYS['follow-up'].questions;
  return ['status', 'startedOn']
    .filter((id) => {
      const question = questions.find((candidate) => candidate.id === id);
      const original = standard.find((candidate) => candidate.id === id);
      return !question || question.type !== original?.type || JSON.stringify(question.options ?? []) !== JSON.stringify(original?.options ?? []);
    })
    .map((id) => `a follow-up survey must keep the standard "${id}" question`);
}
