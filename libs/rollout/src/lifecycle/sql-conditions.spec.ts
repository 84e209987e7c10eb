import { describe, expect, it } from '@jest/globals';
import { DeliveryAction as A } from './delivery-transitions.js';
import { allowedFromSql, dispatchAllowsSql, movesFromSql, nextStatusSql } from './sql-conditions.js';

describe('SQL conditions generated from the transition table', () => {
  it('lists the statuses an action moves from', () => {
    expect(movesFromSql(A.Acknowledge, 'd')).toBe(`d.status IN ('pending', 'sent', 'arrived')`);
    expect(movesFromSql(A.Forward)).toBe(`status IN ('accepted')`);
    expect(movesFromSql(A.Readdress)).toBe('false');
  });

  it('lists every status an action is allowed in', () => {
    expect(allowedFromSql(A.Complete, 'd')).toBe(`d.status IN ('accepted', 'assigned', 'in_progress', 'completed')`);
    expect(allowedFromSql(A.Refuse)).toBe(`status IN ('pending', 'sent', 'arrived', 'refused')`);
  });

  it('moves the status only where the table says so', () => {
    expect(nextStatusSql(A.MarkArrived)).toBe(`CASE WHEN status IN ('pending', 'sent') THEN 'arrived' ELSE status END`);
    expect(nextStatusSql(A.ReportActivity, 'd')).toBe(
      `CASE WHEN d.status IN ('accepted', 'assigned') THEN 'in_progress' ELSE d.status END`,
    );
    expect(nextStatusSql(A.Readdress)).toBe('status');
  });

  it('checks the dispatch only for actions that need it in force', () => {
    expect(dispatchAllowsSql(A.Acknowledge, 'x')).toBe(`x.status IN ('published')`);
    expect(dispatchAllowsSql(A.Send, 'x')).toBe('true');
  });

  it('refuses an alias that is not a plain identifier', () => {
    expect(() => movesFromSql(A.Complete, 'd; DROP TABLE deliveries')).toThrow('not a table alias');
  });
});
