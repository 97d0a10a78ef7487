import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { InMemoryUnitOfWork } from '@cmp/testing';
import { CohortCommands } from '../src/application/cohorts/cohort-commands';
import { CohortPlaces } from '../src/application/cohorts/cohort-places';
import { Cohort, CohortRepository } from '../src/application/cohorts/cohort.repository';
import { MenteeCommands } from '../src/application/mentees/mentee-commands';
import { MenteeWithdrawal } from '../src/application/mentees/mentee-withdrawal';
import { Mentee, MenteeFilter, MenteeRepository } from '../src/application/mentees/mentee.repository';
import { OrganisationCommands } from '../src/application/organisations/organisation-commands';
import { Organisation, OrganisationRepository } from '../src/application/organisations/organisation.repository';
import type { Page, PageRequest } from '../src/application/page';
import { PlacementQuota, PlacementRepository } from '../src/application/placements/placement.repository';
import { ConsentRepository } from '../src/application/consents/consent.repository';
import { ReferralRepository } from '../src/application/referrals/referral.repository';
import { PLACE_HOLDING_STATUSES } from '../src/domain/mentee-lifecycle';

/** The transaction a test arranges its data in: the in-memory repositories ignore it. */
export const ARRANGE: Transaction = { actor: 'system:test', now: new Date(0), emit: () => undefined, record: () => undefined };

function pageOf<T>(rows: T[], { limit, offset }: PageRequest): Page<T> {
  return { items: rows.slice(offset, offset + limit), total: rows.length, limit, offset };
}

/** Enrolment's repositories as plain maps, for use-case unit tests without a database. */
export class InMemoryCohorts extends CohortRepository {
  readonly rows = new Map<string, Cohort>();
  async find(_tx: ReadTransaction, cohortId: string) {
    const cohort = this.rows.get(cohortId);
    return cohort ? { ...cohort } : null;
  }
  lock(tx: Transaction, cohortId: string) {
    return this.find(tx, cohortId);
  }
  async countExisting(_tx: ReadTransaction, cohortIds: readonly string[]) {
    return cohortIds.filter((id) => this.rows.has(id)).length;
  }
  async insert(_tx: Transaction, cohort: Omit<Cohort, 'createdAt'>) {
    const inserted = { ...cohort, createdAt: new Date(0) };
    this.rows.set(cohort.id, inserted);
    return { ...inserted };
  }
  async save(_tx: Transaction, cohort: Cohort) {
    this.rows.set(cohort.id, { ...cohort });
  }
  async page(_tx: ReadTransaction, page: PageRequest, filter: { readonly status?: string }) {
    return pageOf([...this.rows.values()].filter((cohort) => !filter.status || cohort.status === filter.status), page);
  }
}

export class InMemoryMentees extends MenteeRepository {
  readonly rows = new Map<string, Mentee>();
  async find(_tx: ReadTransaction, menteeId: string) {
    const mentee = this.rows.get(menteeId);
    return mentee ? { ...mentee } : null;
  }
  lock(tx: Transaction, menteeId: string) {
    return this.find(tx, menteeId);
  }
  async exists(_tx: ReadTransaction, menteeId: string) {
    return this.rows.has(menteeId);
  }
  async hasOpenApplication(_tx: ReadTransaction, email: string) {
    return [...this.rows.values()].some((mentee) => mentee.email === email && !['rejected', 'completed', 'withdrawn'].includes(mentee.status));
  }
  async insert(_tx: Transaction, mentee: Mentee) {
    this.rows.set(mentee.id, { ...mentee });
  }
  async save(_tx: Transaction, mentee: Mentee) {
    this.rows.set(mentee.id, { ...mentee });
  }
  async countHoldingPlaces(_tx: ReadTransaction, cohortId: string) {
    return [...this.rows.values()].filter((mentee) => mentee.cohortId === cohortId && PLACE_HOLDING_STATUSES.includes(mentee.status)).length;
  }
  async lockFirstWaitlisted(_tx: Transaction, cohortId: string, take: number) {
    return this.waitlisted(cohortId).slice(0, take).map((mentee) => ({ ...mentee }));
  }
  async waitlistPosition(_tx: ReadTransaction, mentee: Mentee) {
    return this.waitlisted(mentee.cohortId).findIndex((waiting) => waiting.id === mentee.id) + 1;
  }
  async erase(_tx: Transaction, menteeId: string, at: Date) {
    const mentee = this.rows.get(menteeId);
    if (mentee) Object.assign(mentee, { name: null, email: null, phone: null, erasedAt: at });
  }
  async page(_tx: ReadTransaction, page: PageRequest, filter: MenteeFilter) {
    return pageOf([...this.rows.values()].filter((mentee) => !mentee.erasedAt && (!filter.cohortId || mentee.cohortId === filter.cohortId)), page);
  }
  private waitlisted(cohortId: string): Mentee[] {
    return [...this.rows.values()]
      .filter((mentee) => mentee.cohortId === cohortId && mentee.status === 'waitlisted')
      .sort((a, b) => a.appliedAt.getTime() - b.appliedAt.getTime() || a.id.localeCompare(b.id));
  }
}

export class InMemoryPlacements extends PlacementRepository {
  readonly rows = new Map<string, PlacementQuota>();
  async lock(_tx: Transaction, organisationId: string, cohortId: string) {
    const quota = this.rows.get(`${organisationId}/${cohortId}`);
    return quota ? { ...quota } : null;
  }
  async saveUsed(_tx: Transaction, quota: PlacementQuota) {
    const stored = this.rows.get(`${quota.organisationId}/${quota.cohortId}`);
    if (stored) stored.used = quota.used;
  }
  async reservedInCohort(_tx: ReadTransaction, cohortId: string) {
    return [...this.rows.values()].filter((quota) => quota.cohortId === cohortId).reduce((sum, quota) => sum + quota.reserved, 0);
  }
  async reserve(_tx: Transaction, organisationId: string, cohortId: string, count: number) {
    const key = `${organisationId}/${cohortId}`;
    const quota = this.rows.get(key) ?? { organisationId, cohortId, reserved: 0, used: 0 };
    quota.reserved += count;
    this.rows.set(key, quota);
    return { ...quota };
  }
  async ofOrganisation(_tx: ReadTransaction, organisationId: string) {
    return [...this.rows.values()].filter((quota) => quota.organisationId === organisationId);
  }
}

export class InMemoryOrganisations extends OrganisationRepository {
  readonly rows = new Map<string, Organisation>();
  async find(_tx: ReadTransaction, organisationId: string) {
    return this.rows.get(organisationId) ?? null;
  }
  async nameTaken(_tx: ReadTransaction, name: string) {
    return [...this.rows.values()].some((organisation) => organisation.name.toLowerCase() === name.toLowerCase());
  }
  async insert(_tx: Transaction, organisation: Omit<Organisation, 'createdAt'>) {
    const inserted = { ...organisation, createdAt: new Date(0) };
    this.rows.set(organisation.id, inserted);
    return inserted;
  }
  async page(_tx: ReadTransaction, page: PageRequest) {
    return pageOf([...this.rows.values()], page);
  }
}

/** Ports the use cases under test never reach: any call is a test bug, so it fails loudly. */
function unused<T extends object>(port: string): T {
  return new Proxy({} as T, {
    get: (_target, method) => () => {
      throw new Error(`${port}.${String(method)} was not expected in this test`);
    },
  });
}

/** Enrolment's cohort, organisation and mentee use cases wired to in-memory repositories. */
export function inMemoryEnrolment(now: Date) {
  const unitOfWork = new InMemoryUnitOfWork(() => now);
  const cohorts = new InMemoryCohorts();
  const mentees = new InMemoryMentees();
  const placements = new InMemoryPlacements();
  const organisations = new InMemoryOrganisations();
  const places = new CohortPlaces(cohorts, mentees);
  const withdrawal = new MenteeWithdrawal(mentees, placements, places);
  return {
    unitOfWork,
    cohorts,
    mentees,
    placements,
    organisations,
    cohortCommands: new CohortCommands(unitOfWork, cohorts, mentees, places),
    organisationCommands: new OrganisationCommands(unitOfWork, organisations, placements, places),
    menteeCommands: new MenteeCommands(
      unitOfWork,
      mentees,
      unused<ReferralRepository>('ReferralRepository'),
      placements,
      unused<ConsentRepository>('ConsentRepository'),
      places,
      withdrawal,
    ),
  };
}
