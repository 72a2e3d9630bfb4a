/**
 * Admission to the database for requests: a few run at once, the rest wait in line, and the
 * line is fair. Light requests (a page of a table, a sign-in) go before heavy ones (a 10,000
 * feature page), so a small read waits for at most the heavy one already running, yet every
 * fourth turn goes to a heavy request so none waits for ever. Within a class, clients take
 * turns: one client's ten requests cannot push another's first request to the back. A client
 * with too many requests waiting, or a line that is full, is told to come back later.
 */
export type Weight = 'light' | 'heavy';

export interface FairQueueOptions {
  /** Requests running at once (1 for the embedded engine: it runs one query at a time). */
  concurrency: number;
  /**
   * Heavy requests running at once, within `concurrency`: the other places stay free for light
   * ones, so a burst of big reads cannot take every connection (and every core) at once.
   */
  maxHeavy: number;
  /** Requests one client may have running or waiting; more are refused. */
  maxPerClient: number;
  /** Requests waiting in all; more are refused. */
  maxWaiting: number;
  /** Longest wait before a request is refused instead. */
  maxWaitMs: number;
}

export class QueueRefusal extends Error {
  constructor(
    readonly reason: 'client_busy' | 'queue_full' | 'wait_too_long',
    /** Seconds after which trying again is likely to succeed. */
    readonly retryAfterS: number,
  ) {
    super(reason);
    this.name = 'QueueRefusal';
  }
}

interface Waiter {
  client: string;
  weight: Weight;
  admit: () => void;
  timer: ReturnType<typeof setTimeout>;
}

/** After this many light requests in a row, a waiting heavy one goes next. */
const LIGHT_RUN = 3;

export class FairQueue {
  private running = 0;
  private runningHeavy = 0;
  private readonly perClient = new Map<string, number>();
  /** Per weight, the clients in turn order, each with its own line. */
  private readonly lines: Record<Weight, Map<string, Waiter[]>> = {
    light: new Map(),
    heavy: new Map(),
  };
  private lightRun = 0;
  /** Moving average of how long a request holds its place, for Retry-After. */
  private serviceMs = 200;

  constructor(private readonly options: FairQueueOptions) {}

  /** How many are waiting now (not running). */
  get waiting(): number {
    let n = 0;
    for (const lines of Object.values(this.lines))
      for (const line of lines.values()) n += line.length;
    return n;
  }

  /**
   * Waits for a place and returns the function that gives it back; rejects with QueueRefusal.
   * @example const release = await queue.acquire('10.0.0.1', 'light'); try { ... } finally { release(); }
   */
  acquire(client: string, weight: Weight): Promise<() => void> {
    const held = this.perClient.get(client) ?? 0;
    if (held >= this.options.maxPerClient)
      return Promise.reject(new QueueRefusal('client_busy', this.retryAfterS(held)));
    if (this.waiting >= this.options.maxWaiting)
      return Promise.reject(new QueueRefusal('queue_full', this.retryAfterS(this.waiting)));
    this.perClient.set(client, held + 1);
    const admitted = new Promise<() => void>((resolve, reject) => {
      const waiter: Waiter = {
        client,
        weight,
        admit: () => {
          clearTimeout(waiter.timer);
          this.running++;
          if (weight === 'heavy') this.runningHeavy++;
          resolve(this.releaser(client, weight));
        },
        timer: setTimeout(() => {
          this.remove(waiter);
          this.drop(client);
          reject(new QueueRefusal('wait_too_long', this.retryAfterS(this.waiting)));
        }, this.options.maxWaitMs),
      };
      const lines = this.lines[weight];
      const line = lines.get(client);
      if (line) line.push(waiter);
      else lines.set(client, [waiter]);
    });
    this.admitNext();
    return admitted;
  }

  private drop(client: string): void {
    const n = (this.perClient.get(client) ?? 1) - 1;
    if (n <= 0) this.perClient.delete(client);
    else this.perClient.set(client, n);
  }

  /** The function that gives a place back (once, however often it is called). */
  private releaser(client: string, weight: Weight): () => void {
    const started = Date.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.serviceMs = 0.8 * this.serviceMs + 0.2 * (Date.now() - started);
      this.running--;
      if (weight === 'heavy') this.runningHeavy--;
      this.drop(client);
      this.admitNext();
    };
  }

  private admitNext(): void {
    while (this.running < this.options.concurrency) {
      const next = this.next();
      if (!next) return;
      next.admit();
    }
  }

  /**
   * The next waiter: light before heavy (but not for ever), heavy only while fewer than
   * maxHeavy run, clients in turn within a weight.
   */
  private next(): Waiter | undefined {
    const lightWaiting = this.lines.light.size > 0;
    const heavyMayGo = this.lines.heavy.size > 0 && this.runningHeavy < this.options.maxHeavy;
    const weight: Weight | undefined =
      lightWaiting && (!heavyMayGo || this.lightRun < LIGHT_RUN)
        ? 'light'
        : heavyMayGo
          ? 'heavy'
          : undefined;
    if (!weight) return undefined;
    // Count the light requests that went ahead of a heavy one able to go.
    this.lightRun = weight === 'light' && heavyMayGo ? this.lightRun + 1 : 0;
    const lines = this.lines[weight];
    // Maps keep insertion order: the first client's first waiter goes, and the client moves to
    // the back of the turn order if it has more.
    const [client, line] = lines.entries().next().value as [string, Waiter[]];
    const waiter = line.shift()!;
    lines.delete(client);
    if (line.length) lines.set(client, line);
    return waiter;
  }

  private remove(waiter: Waiter): void {
    const lines = this.lines[waiter.weight];
    const line = lines.get(waiter.client);
    if (!line) return;
    const i = line.indexOf(waiter);
    if (i >= 0) line.splice(i, 1);
    if (line.length === 0) lines.delete(waiter.client);
  }

  private retryAfterS(ahead: number): number {
    const seconds = ((ahead + 1) * this.serviceMs) / this.options.concurrency / 1000;
    return Math.max(1, Math.min(60, Math.ceil(seconds)));
  }
}
