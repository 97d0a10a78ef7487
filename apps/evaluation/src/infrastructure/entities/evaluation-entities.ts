import { InvitationEntity } from './invitation.entity';
import { OutcomeEntity } from './outcome.entity';
import { SurveyEntity } from './survey.entity';

/** The tables the repositories reach through the ORM; the others they query in SQL. */
export const EVALUATION_ENTITIES = [SurveyEntity, InvitationEntity, OutcomeEntity];
