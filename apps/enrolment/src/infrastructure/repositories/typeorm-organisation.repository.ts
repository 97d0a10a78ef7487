import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { Organisation, OrganisationRepository } from '../../application/organisations/organisation.repository';
import type { Page, PageRequest } from '../../application/page';
import { OrganisationEntity } from '../entities';
import { pageOf } from './page-of';

@Injectable()
export class TypeOrmOrganisationRepository extends OrganisationRepository {
  find(tx: ReadTransaction, organisationId: string): Promise<Organisation | null> {
    return entityManagerOf(tx).findOneBy(OrganisationEntity, { id: organisationId });
  }

  nameTaken(tx: ReadTransaction, name: string): Promise<boolean> {
    return entityManagerOf(tx).createQueryBuilder(OrganisationEntity, 'organisation').where('lower(organisation.name) = lower(:name)', { name }).getExists();
  }

  async insert(tx: Transaction, organisation: Omit<Organisation, 'createdAt'>): Promise<Organisation> {
    const manager = entityManagerOf(tx);
    const entity = manager.create(OrganisationEntity, organisation);
    await manager.insert(OrganisationEntity, entity);
    return entity;
  }

  page(tx: ReadTransaction, page: PageRequest, filter: { readonly kind?: string }): Promise<Page<Organisation>> {
    return pageOf(entityManagerOf(tx), OrganisationEntity, page, filter.kind ? { kind: filter.kind as OrganisationEntity['kind'] } : {}, { name: 'ASC' });
  }
}
