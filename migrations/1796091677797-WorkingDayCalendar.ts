import type { MigrationInterface, QueryRunner } from 'typeorm';
import { vnPublicHolidays } from '../libs/common/src/calendar/vn-holidays.js';

/** The years the calendar covers. Deadlines past 2060 fall back to calendar days (see working_deadline). */
const FIRST_YEAR = 2020;
const LAST_YEAR = 2060;

/**
 * The Vietnamese working-day calendar, in PostgreSQL so that deadlines, reminders and reports use
 * it in set-based SQL (a join or a function call) instead of asking JavaScript row by row.
 *
 * - `calendar_holidays`: public holidays and their compensatory days, from the rule in
 *   libs/common/src/calendar/vn-holidays.ts (date-holidays, lunar Tết and Giỗ Tổ), written once here.
 * - `calendar_exceptions`: what the admin decides each year (compensatory days off, working
 *   Saturdays); an exception overrides everything else for its day.
 * - `calendar_days`: one row per day, derived from the two (and weekends) by calendar_rebuild(),
 *   with `ordinal` = the number of working days up to and including that day, so "N working days
 *   after D" is one index lookup: the working day whose ordinal is ordinal(D) + N.
 */
export class WorkingDayCalendar1796091677797 implements MigrationInterface {
  name = 'WorkingDayCalendar1796091677797';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_holidays (
        day date PRIMARY KEY,
        name varchar(200) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('holiday', 'compensatory'))
      )`);
    await q.query(`
      CREATE TABLE calendar_exceptions (
        day date PRIMARY KEY,
        working boolean NOT NULL,
        reason varchar(500) NOT NULL CHECK (length(trim(reason)) > 0),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE calendar_days (
        day date PRIMARY KEY,
        working boolean NOT NULL,
        -- Stored, not shown as is: weekend, holiday, compensatory, exception_off, exception_working, working.
        kind varchar(20) NOT NULL,
        name varchar(500),
        ordinal int NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_days_working_ordinal_uq ON calendar_days (ordinal) WHERE working`);

    const holidays = vnPublicHolidays(FIRST_YEAR, LAST_YEAR);
    await q.query(`INSERT INTO calendar_holidays (day, name, kind) SELECT * FROM unnest($1::date[], $2::text[], $3::text[])`, [
      holidays.map((h) => h.day),
      holidays.map((h) => h.name),
      holidays.map((h) => h.kind),
    ]);

    await q.query(`
      CREATE FUNCTION calendar_rebuild() RETURNS void LANGUAGE sql AS $$
        DELETE FROM calendar_days;
        INSERT INTO calendar_days (day, working, kind, name, ordinal)
        SELECT day, working, kind, name, count(*) FILTER (WHERE working) OVER (ORDER BY day)
          FROM (
            SELECT g.day::date AS day,
                   CASE WHEN e.day IS NOT NULL THEN e.working
                        WHEN h.day IS NOT NULL THEN false
                        ELSE extract(isodow FROM g.day) < 6 END AS working,
                   CASE WHEN e.day IS NOT NULL THEN CASE WHEN e.working THEN 'exception_working' ELSE 'exception_off' END
                        WHEN h.day IS NOT NULL THEN h.kind
                        WHEN extract(isodow FROM g.day) >= 6 THEN 'weekend'
                        ELSE 'working' END AS kind,
                   COALESCE(e.reason, h.name) AS name
              FROM generate_series(date '${FIRST_YEAR}-01-01', date '${LAST_YEAR}-12-31', interval '1 day') AS g(day)
              LEFT JOIN calendar_holidays h ON h.day = g.day::date
              LEFT JOIN calendar_exceptions e ON e.day = g.day::date
          ) d;
      $$`);
    await q.query(`SELECT calendar_rebuild()`);

    // The end of a working day in Vietnam, when a deadline given in working days falls due.
    // "Trong 3 ngày làm việc" from an instant: counting starts the next day; the deadline is 17:00
    // (Vietnam time) of the third working day. Outside the calendar's years: calendar days.
    await q.query(`
      CREATE FUNCTION working_deadline(from_at timestamptz, n int) RETURNS timestamptz LANGUAGE sql STABLE AS $$
        SELECT COALESCE(
          (SELECT (t.day + time '17:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
             FROM calendar_days s JOIN calendar_days t ON t.working AND t.ordinal = s.ordinal + n
            WHERE s.day = (from_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date),
          (((from_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + n) + time '17:00') AT TIME ZONE 'Asia/Ho_Chi_Minh')
      $$`);
    // Working days strictly after day a, up to and including day b (0 when b <= a).
    await q.query(`
      CREATE FUNCTION working_days_between(a date, b date) RETURNS int LANGUAGE sql STABLE AS $$
        SELECT GREATEST(0, (SELECT ordinal FROM calendar_days WHERE day = b) - (SELECT ordinal FROM calendar_days WHERE day = a))
      $$`);

    await q.query(`
      ALTER TABLE dispatches
        ADD COLUMN ack_due_working_days int CHECK (ack_due_working_days BETWEEN 1 AND 365),
        ADD COLUMN forward_due_working_days int CHECK (forward_due_working_days BETWEEN 1 AND 365),
        ADD COLUMN report_due_working_days int CHECK (report_due_working_days BETWEEN 1 AND 365)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dispatches DROP COLUMN ack_due_working_days, DROP COLUMN forward_due_working_days, DROP COLUMN report_due_working_days`);
    await q.query(`DROP FUNCTION working_days_between(date, date)`);
    await q.query(`DROP FUNCTION working_deadline(timestamptz, int)`);
    await q.query(`DROP FUNCTION calendar_rebuild()`);
    await q.query(`DROP TABLE calendar_days`);
    await q.query(`DROP TABLE calendar_exceptions`);
    await q.query(`DROP TABLE calendar_holidays`);
  }
}
