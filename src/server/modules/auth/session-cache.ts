import type { Actor } from '../../../domain/access/can';

/** What authentication needs of a session: the actor and what its checks read. */
export interface CachedSession {
  actor: Actor;
  csrfToken: string;
  lastSeenAt: string;
  mustChangePassword: boolean;
}

/**
 * The sessions this instance has just looked up, kept for a moment (ANKE_SESSION_CACHE_MS).
 * Looking the session up was half the queries of every small read (bench:api,
 * docs/benchmarks.md). Only reads are answered from here: every write looks its session up
 * afresh, and once a write has been answered the whole cache is forgotten, so a logout, a
 * disabled account, a changed role or assignment takes effect at once on this instance. Another
 * instance sharing the database sees such a change within the keeping time (docs/operations.md).
 * A lookup that overlapped a write (it may have read the state before the write committed) is
 * not kept.
 * Time is the process's monotonic clock, not the app clock, so a test's fixed clock cannot
 * keep an entry for ever.
 */
export class SessionCache {
  readonly #entries = new Map<string, { session: CachedSession; until: number }>();
  #generation = 0;

  constructor(private readonly keepMs: number, private readonly capacity = 10_000) {}

  get(id: string): CachedSession | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (performance.now() >= entry.until) {
      this.#entries.delete(id);
      return undefined;
    }
    return entry.session;
  }

  /** Taken before a lookup and handed to `set`: a lookup that a write overlapped is not kept. */
  get generation(): number {
    return this.#generation;
  }

  set(id: string, session: CachedSession, generation: number): void {
    if (this.keepMs <= 0 || generation !== this.#generation) return;
    if (this.#entries.size >= this.capacity) this.#entries.clear();
    this.#entries.set(id, { session, until: performance.now() + this.keepMs });
  }

  /** Called when a write starts and when it has been answered. */
  forgetAll(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
}
