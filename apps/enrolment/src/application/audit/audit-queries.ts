import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import type { Page, PageRequest } from '../page';
import { AuditEntry, AuditRepository } from './audit.repository';

@Injectable()
export class AuditQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditRepository,
  ) {}

  /** Who changed one entity, oldest first. */
  trail(entityId: string, page: PageRequest): Promise<Page<AuditEntry>> {
    return this.unitOfWork.read((tx) => this.audit.page(tx, entityId, page));
  }
}
