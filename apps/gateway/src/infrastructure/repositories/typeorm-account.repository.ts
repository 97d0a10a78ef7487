import { Injectable } from '@nestjs/common';
import type { ReadTransaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { Account, AccountRepository } from '../../application/accounts/account.repository';
import { AccountEntity } from '../entities/gateway.entities';

@Injectable()
export class TypeOrmAccountRepository extends AccountRepository {
  async findActiveByEmail(tx: ReadTransaction, email: string): Promise<Account | null> {
    const row = await entityManagerOf(tx).findOneBy(AccountEntity, { email, status: 'active' });
    return row ? accountOf(row) : null;
  }

  async get(tx: ReadTransaction, id: string): Promise<Account> {
    return accountOf(await entityManagerOf(tx).findOneByOrFail(AccountEntity, { id }));
  }
}

function accountOf(row: AccountEntity): Account {
  return { id: row.id, email: row.email, role: row.role, personId: row.personId, passwordHash: row.passwordHash, status: row.status };
}
