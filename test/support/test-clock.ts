import { Clock } from '@app/common';

/** A Clock a test sets and moves: "now" is whatever the test says, and nothing sleeps. */
export class TestClock extends Clock {
  private at: Date;

  constructor(start: string | Date) {
    super();
    this.at = new Date(start);
  }

  override now(): Date {
    return new Date(this.at);
  }

  set(at: string | Date): void {
    this.at = new Date(at);
  }

  advanceHours(hours: number): void {
    this.at = new Date(this.at.getTime() + hours * 3_600_000);
  }
}
