import { EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { Page, PageRequest } from '../../application/page';

/** One page of a table, with the total the client pages through. */
export async function pageOf<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  { limit, offset }: PageRequest,
  where: FindOptionsWhere<T>,
  order: FindOptionsOrder<T>,
): Promise<Page<T>> {
  const [items, total] = await manager.findAndCount(entity, { where, order, take: limit, skip: offset });
  return { items, total, limit, offset };
}
