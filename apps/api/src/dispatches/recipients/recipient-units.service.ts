import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor.js';

export interface RecipientUnit {
  id: string;
  code: string;
  name: string;
  type: string;
  level: string | null;
  parentId: string | null;
}

/**
 * The acting units (UBND, police, departments, …) serving the issuer's province, for picking single
 * recipients from the directing tree. An issuer's own subtree is only its office, but it addresses the
 * whole province, as the recipient groups do (RecipientResolver takes groups from the same province).
 */
@Injectable()
export class RecipientUnitsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor): Promise<{ items: RecipientUnit[] }> {
    const items: RecipientUnit[] = await this.db.query(
      `WITH me AS (SELECT COALESCE(CASE WHEN type = 'area' THEN id END, area_id) AS area_id FROM units WHERE id = $1),
            province AS (SELECT split_part(a.path, '.', 1) || '.' AS prefix FROM units a JOIN me ON a.id = me.area_id)
       SELECT u.id, u.code, u.name, u.type, u.level, u.parent_id AS "parentId"
         FROM units u JOIN units a ON a.id = u.area_id, province p
        WHERE u.type <> 'area' AND u.active AND a.path LIKE p.prefix || '%'
        ORDER BY u.path
        LIMIT 20000`,
      [actor.unitId],
    );
    return { items };
  }
}
