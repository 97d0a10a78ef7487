import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { Match, MatchRepository, MatchStatus } from './match.repository';

@Injectable()
export class MatchQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly matches: MatchRepository,
  ) {}

  /** Oldest proposal first. */
  ofCohort(cohortId: string, status?: MatchStatus): Promise<Match[]> {
    return this.unitOfWork.read((tx) => this.matches.ofCohort(tx, cohortId, status));
  }

  /** A mentee's or mentor's matches, oldest first. */
  ofPerson(personId: string): Promise<Match[]> {
    return this.unitOfWork.read((tx) => this.matches.ofPerson(tx, personId));
  }
}
