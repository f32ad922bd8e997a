/**
 * Login throttling: after `maxFailures` failed attempts for one key (user name, and separately
 * the client address) within `windowMs`, further attempts are refused until the window has
 * passed since the first of them. In memory: one server process serves a research group;
 * a restart forgetting the counts costs an attacker nothing they could not get by waiting.
 */
export type ThrottleOptions = { maxFailures: number; windowMs: number; now?: () => number };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: ThrottleOptions) {
    this.maxFailures = options.maxFailures;
    this.windowMs = options.windowMs;
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.maxFailures) return 0;
    return Math.max(0, (recent[0] as number) + this.windowMs - this.now());
  }

  recordFailure(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.set(key, recent);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}
