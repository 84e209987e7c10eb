import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface CalendarDayRow {
  day: string;
  working: boolean;
  kind: 'working' | 'weekend' | 'holiday' | 'compensatory' | 'exception_off' | 'exception_working';
  name: string | null;
}

export interface CalendarExceptionRow {
  day: string;
  working: boolean;
  reason: string;
  createdAt: Date;
}

/** The working-day calendar's SQL (tables and functions of migration 1796091677797). */
@Injectable()
export class WorkingDaysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The calendar's years: outside them, working_deadline falls back to calendar days. */
  async range(): Promise<{ first: string; last: string }> {
    const [r] = await this.db.query(`SELECT min(day)::text AS first, max(day)::text AS last FROM calendar_days`);
    return r;
  }

  days(from: string, to: string): Promise<CalendarDayRow[]> {
    return this.db.query(`SELECT day::text AS day, working, kind, name FROM calendar_days WHERE day BETWEEN $1 AND $2 ORDER BY day`, [
      from,
      to,
    ]);
  }

  exceptions(): Promise<CalendarExceptionRow[]> {
    return this.db.query(`SELECT day::text AS day, working, reason, created_at AS "createdAt" FROM calendar_exceptions ORDER BY day`);
  }

  /** Writes one exception and recomputes the derived days, in the caller's transaction. */
  async upsertException(em: EntityManager, row: { day: string; working: boolean; reason: string; userId: string }): Promise<void> {
    await em.query(
      `INSERT INTO calendar_exceptions (day, working, reason, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, reason = EXCLUDED.reason, created_by = EXCLUDED.created_by, created_at = now()`,
      [row.day, row.working, row.reason, row.userId],
    );
    await this.rebuild(em);
  }

  async deleteException(em: EntityManager, day: string): Promise<boolean> {
    const [, affected] = await em.query(`DELETE FROM calendar_exceptions WHERE day = $1`, [day]);
    if (affected) await this.rebuild(em);
    return affected > 0;
  }

  /** One statement over ~15,000 days; the lock makes two admins' edits apply one after the other. */
  private async rebuild(em: EntityManager): Promise<void> {
    await em.query(`LOCK TABLE calendar_days IN EXCLUSIVE MODE`);
    await em.query(`SELECT calendar_rebuild()`);
  }
}
