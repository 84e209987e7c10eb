import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACTING_SQL, OVERDUE_ACK_SQL, OVERDUE_FORWARD_SQL } from './sql-fragments.js';

/** A recipient unit past a deadline of a dispatch: the addressees of its chase letter. */
export interface LateUnit {
  unitId: string;
  unitName: string;
  overdueAck: boolean;
  overdueForward: boolean;
}

/**
 * The acting recipients of a dispatch past their acknowledgement or forwarding deadline, in tree
 * order. Read from the main database, not the reports replica: a chase letter is addressed to
 * them, and a unit that acknowledged a moment ago must not receive one.
 */
@Injectable()
export class LateUnitsReport {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async of(dispatchId: string): Promise<LateUnit[]> {
    return (await this.db.query(
      `SELECT d.unit_id AS "unitId", u.name AS "unitName", ${OVERDUE_ACK_SQL} AS "overdueAck", ${OVERDUE_FORWARD_SQL} AS "overdueForward"
         FROM deliveries d JOIN units u ON u.id = d.unit_id
        WHERE d.dispatch_id = $1 AND ${ACTING_SQL} AND (${OVERDUE_ACK_SQL} OR ${OVERDUE_FORWARD_SQL})
        ORDER BY u.path`,
      [dispatchId],
    )) as LateUnit[];
  }
}
