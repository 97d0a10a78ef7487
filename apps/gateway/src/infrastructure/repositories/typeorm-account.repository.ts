import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { Account, AccountOwner, AccountRepository } from '../../application/accounts/account.repository';
import type { PersonAccountRole, StaffRole } from '../../domain/principal';
import { AccountEntity } from '../entities/account.entity';
import { entityManagerOf } from '@cmp/messaging';

@Injectable()
export class TypeOrmAccountRepository extends AccountRepository {
  async findActiveByEmail(tx: ReadTransaction, email: string): Promise<Account | undefined> {
    return (await entityManagerOf(tx).findOneBy(AccountEntity, { email, status: 'active' })) ?? undefined;
  }

  async findById(tx: ReadTransaction, id: string): Promise<Account | undefined> {
    return (await entityManagerOf(tx).findOneBy(AccountEntity, { id })) ?? undefined;
  }

  async ownerOf(tx: ReadTransaction, email: string): Promise<AccountOwner | undefined> {
    const [row]: { person_id: string | null; role: string; status: string }[] = await entityManagerOf(tx).query(
      `SELECT person_id, role, status FROM accounts WHERE email = $1`,
      [email],
    );
    return row ? { personId: row.person_id, role: row.role, status: row.status } : undefined;
  }

  async reserve(
    tx: Transaction,
    { email, role, passwordHash, staleBefore }: { email: string; role: PersonAccountRole; passwordHash: string | null; staleBefore: Date },
  ): Promise<string | undefined> {
    const [row]: { id: string }[] = await entityManagerOf(tx).query(
      `INSERT INTO accounts (email, role, password_hash, status, created_at) VALUES ($1, $2, $3, 'pending', $4)
       ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role, password_hash = EXCLUDED.password_hash, created_at = EXCLUDED.created_at
         WHERE accounts.status = 'pending' AND accounts.created_at < $5
       RETURNING id`,
      [email, role, passwordHash, tx.now, staleBefore],
    );
    return row?.id;
  }

  async activate(tx: Transaction, accountId: string, personId: string): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE accounts SET status = 'active', person_id = $2 WHERE id = $1 AND status = 'pending'`, [accountId, personId]);
  }

  async release(tx: Transaction, accountId: string): Promise<void> {
    await entityManagerOf(tx).query(`DELETE FROM accounts WHERE id = $1 AND status = 'pending'`, [accountId]);
  }

  async createStaff(
    tx: Transaction,
    { email, role, passwordHash }: { email: string; role: StaffRole; passwordHash: string },
  ): Promise<{ id: string; createdAt: Date } | undefined> {
    const [row]: { id: string; created_at: Date }[] = await entityManagerOf(tx).query(
      `INSERT INTO accounts (email, role, password_hash, status) VALUES ($1, $2, $3, 'active') ON CONFLICT (email) DO NOTHING RETURNING id, created_at`,
      [email, role, passwordHash],
    );
    return row ? { id: row.id, createdAt: row.created_at } : undefined;
  }

  async emailsOfPerson(tx: ReadTransaction, personId: string): Promise<string[]> {
    const rows: { email: string }[] = await entityManagerOf(tx).query(`SELECT email FROM accounts WHERE person_id = $1`, [personId]);
    return rows.map((row) => row.email);
  }

  async deleteByPerson(tx: Transaction, personId: string): Promise<void> {
    await entityManagerOf(tx).query(`DELETE FROM accounts WHERE person_id = $1`, [personId]);
  }
}
