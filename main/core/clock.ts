/** All domain time comes from here, so tests can move time (deadlines, lockouts, idle lock). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and moves only when told (tests, and the e2e clock hook). */
export class ManualClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: Clock = systemClock) {}
  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
