import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { InvalidSurvey, NotFound } from '../../domain/evaluation-error';
import { STANDARD_SURVEYS, SurveySlug } from '../../domain/surveys/standard-surveys';
import { definitionProblems, SurveyQuestion } from '../../domain/surveys/survey-question';
import { SurveyRepository, SurveyVersion } from './survey.repository';

/**
 * Survey definitions with versioned questions. An invitation is tied to the version current when
 * it was sent, so a new version never changes what an earlier respondent was asked.
 */
@Injectable()
export class SurveyCommands implements OnModuleInit {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly surveys: SurveyRepository,
  ) {}

  /** Version 1 of each standard survey exists from the first start (idempotent across instances). */
  async onModuleInit(): Promise<void> {
    for (const [slug, survey] of Object.entries(STANDARD_SURVEYS)) {
      await this.unitOfWork.run('system', (tx) =>
        this.surveys.addIfNew(tx, { id: randomUUID(), slug, version: 1, title: survey.title, questions: [...survey.questions], createdAt: tx.now, createdBy: 'system' }),
      );
    }
  }

  /** Publishes the next version of a standard survey; invitations sent from now on use it. */
  async publishVersion(actor: string, slug: SurveySlug, title: string, questions: SurveyQuestion[]): Promise<SurveyVersion> {
    const problems = definitionProblems(questions);
    if (slug === 'follow-up') problems.push(...followUpProblems(questions));
    if (problems.length > 0) throw new InvalidSurvey(problems);
    return this.unitOfWork.run(actor, async (tx) => {
      // Serialises concurrent publishers of the same survey so versions stay consecutive.
      await this.surveys.lockSeries(tx, slug);
      const current = await this.surveys.latest(tx, slug);
      if (!current) throw new NotFound('survey', slug);
      const survey: SurveyVersion = { id: randomUUID(), slug, version: current.version + 1, title, questions, createdAt: tx.now, createdBy: actor };
      await this.surveys.add(tx, survey);
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
