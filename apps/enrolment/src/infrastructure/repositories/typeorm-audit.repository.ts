import { Injectable } from '@nestjs/common';
import type { ReadTransaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { AuditEntry, AuditRepository } from '../../application/audit/audit.repository';
import type { Page, PageRequest } from '../../application/page';
import { AuditEntryEntity } from '../entities';
import { pageOf } from './page-of';

@Injectable()
export class TypeOrmAuditRepository extends AuditRepository {
  of(tx: ReadTransaction, entityId: string): Promise<AuditEntry[]> {
    return entityManagerOf(tx).find(AuditEntryEntity, { where: { entityId }, order: { id: 'ASC' } });
  }

  page(tx: ReadTransaction, entityId: string, page: PageRequest): Promise<Page<AuditEntry>> {
    return pageOf(entityManagerOf(tx), AuditEntryEntity, page, { entityId }, { id: 'ASC' });
  }
}

