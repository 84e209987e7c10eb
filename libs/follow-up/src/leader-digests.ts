import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DAILY_DIGEST_SQL, DIGESTS_DUE_SQL } from './digest.sql.js';

export interface DigestWriteResult {
  digests: number;
  messages: number;
}

/** The digest of one Vietnam calendar day: what changed is counted over (since, until]. */
export interface DigestDay {
  /** YYYY-MM-DD */
  day: string;
  since: Date;
  until: Date;
}

/**
 * Writes the daily digest of every leader who has none yet for a day, with its outbox row: one
 * set-based statement (digest.sql.ts), idempotent under digests_user_day_uq. The messages wait in
 * the outbox as pending rows; the caller hands them to the mail queue.
 */
@Injectable()
export class LeaderDigests {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async write(now: Date, { day, since, until }: DigestDay): Promise<DigestWriteResult> {
    // Most runs of the day find every digest written: skip the statement, which reads the rollout.
    const [{ due }] = await this.db.query(DIGESTS_DUE_SQL, [day]);
    if (due === 0) return { digests: 0, messages: 0 };
    return this.db.transaction(async (em) => {
      // A once-a-day statement that sorts the late units of every leader: let it sort in memory.
      await em.query(`SET LOCAL work_mem = '64MB'`);
      const [row] = await em.query(DAILY_DIGEST_SQL, [now, day, since, until]);
      return row as DigestWriteResult;
    });
  }
}
