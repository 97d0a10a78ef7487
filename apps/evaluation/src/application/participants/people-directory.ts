import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PersonRole } from '@cmp/contracts';

/**
 * Maps person ids to the random keys every other table uses. Erased people leave only a
 * SHA-256 of their id behind, so that a late event about them (a follow-up already in flight)
 * is ignored instead of bringing them back as a new, countable person.
 */
@Injectable()
export class PeopleDirectory {
  /** The person's key, creating one on first sight; null when the person was erased. */
  async keyOf(manager: EntityManager, personId: string, role: PersonRole | null): Promise<string | null> {
    if (await this.isErased(manager, personId)) return null;
    const [row] = await manager.query(
      `INSERT INTO people (key, person_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET role = COALESCE(people.role, EXCLUDED.role)
       RETURNING key`,
      [randomUUID(), personId, role],
    );
    return row.key as string;
  }

  /** The key of a person already known, without creating one. */
  async existingKey(manager: EntityManager, personId: string): Promise<string | null> {
    const [row] = await manager.query(`SELECT key FROM people WHERE person_id = $1`, [personId]);
    return row?.key ?? null;
  }

  async personIdOf(manager: EntityManager, key: string): Promise<string | null> {
    const [row] = await manager.query(`SELECT person_id FROM people WHERE key = $1`, [key]);
    return row?.person_id ?? null;
  }

  async isErased(manager: EntityManager, personId: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT 1 FROM erased_people WHERE person_hash = $1`, [erasedHash(personId)]);
    return row !== undefined;
  }

  async markErased(manager: EntityManager, personId: string): Promise<void> {
    await manager.query(`INSERT INTO erased_people (person_hash) VALUES ($1) ON CONFLICT DO NOTHING`, [erasedHash(personId)]);
  }
}

function erasedHash(personId: string): string {
  return createHash('sha256').update(`erased:${personId}`).digest('hex');
}
