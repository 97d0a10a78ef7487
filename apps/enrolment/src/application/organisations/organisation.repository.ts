import type { OrganisationKind } from '@cmp/contracts';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { Page, PageRequest } from '../page';

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly createdAt: Date;
}

export abstract class OrganisationRepository {
  abstract find(tx: ReadTransaction, organisationId: string): Promise<Organisation | null>;
  /** Names are unique without regard to case. */
  abstract nameTaken(tx: ReadTransaction, name: string): Promise<boolean>;
  abstract insert(tx: Transaction, organisation: Omit<Organisation, 'createdAt'>): Promise<Organisation>;
  /** By name. */
  abstract page(tx: ReadTransaction, page: PageRequest, filter: { readonly kind?: string }): Promise<Page<Organisation>>;
}
