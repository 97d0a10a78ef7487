import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { WeeklyWindow } from '../../domain/availability';

/** Read model of a mentee's or mentor's weekly availability (Copenhagen local time), from enrolment. */
@Entity('person_availability')
export class PersonAvailabilityEntity {
  @PrimaryColumn('uuid') personId: string;
  @Column('text') role: 'mentee' | 'mentor';
  @Column('jsonb') windows: WeeklyWindow[];
}
