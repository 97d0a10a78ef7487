import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SurveyQuestion } from '../../domain/surveys/survey-question';

@Entity('surveys')
export class SurveyEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') slug: string;
  @Column('int') version: number;
  @Column('text') title: string;
  @Column('jsonb') questions: SurveyQuestion[];
  @Column('timestamptz') createdAt: Date;
  @Column('text') createdBy: string;
}
