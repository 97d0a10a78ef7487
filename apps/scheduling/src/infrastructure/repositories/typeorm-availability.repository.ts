import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { AvailabilityRepository } from '../../application/availability/availability.repository';
import type { WeeklyWindow } from '../../domain/availability';
import { PersonAvailabilityEntity } from '../entities/person-availability.entity';

@Injectable()
export class TypeOrmAvailabilityRepository extends AvailabilityRepository {
  async windowsOf(tx: ReadTransaction, personId: string): Promise<WeeklyWindow[] | null> {
    return (await entityManagerOf(tx).findOneBy(PersonAvailabilityEntity, { personId }))?.windows ?? null;
  }

  async save(tx: Transaction, personId: string, role: 'mentee' | 'mentor', windows: readonly WeeklyWindow[]): Promise<void> {
    await entityManagerOf(tx).upsert(PersonAvailabilityEntity, { personId, role, windows: [...windows] }, ['personId']);
  }

  async erase(tx: Transaction, personId: string): Promise<void> {
    await entityManagerOf(tx).delete(PersonAvailabilityEntity, { personId });
  }
}
