import { afterEach, describe, expect, it, vi } from 'vitest';
import { FairQueue, QueueRefusal } from '../../src/lib/server/api/fair-queue';

const options = {
  concurrency: 1,
  maxHeavy: 1,
  maxPerClient: 4,
  maxWaiting: 100,
  maxWaitMs: 20_000,
};

/** Records the order in which requests are let in. */
function recorder(queue: FairQueue) {
  const order: string[] = [];
  const releases = new Map<string, () => void>();
  const ask = (name: string, client: string, weight: 'light' | 'heavy') =>
    queue.acquire(client, weight).then((release) => {
      order.push(name);
      releases.set(name, release);
    });
  const release = async (name: string) => {
    releases.get(name)!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { order, ask, release };
}

afterEach(() => vi.useRealTimers());

describe('FairQueue', () => {
  it('lets a small read go next, ahead of heavy ones that came earlier', async () => {
    const q = new FairQueue(options);
    const { order, ask, release } = recorder(q);
    void ask('heavy-1', 'a', 'heavy');
    await Promise.resolve();
    for (let i = 2; i <= 8; i++) void ask(`heavy-${i}`, `c${i}`, 'heavy');
    void ask('small', 'z', 'light');
    expect(q.waiting).toBe(8);
    await release('heavy-1');
    expect(order).toEqual(['heavy-1', 'small']);
  });

  it('gives clients turns: one client queuing many does not delay another first request', async () => {
    const q = new FairQueue(options);
    const { order, ask, release } = recorder(q);
    void ask('x0', 'x', 'light');
    await Promise.resolve();
    void ask('x1', 'x', 'light');
    void ask('x2', 'x', 'light');
    void ask('x3', 'x', 'light');
    void ask('y1', 'y', 'light');
    for (const name of ['x0', 'x1', 'y1', 'x2']) await release(name);
    expect(order).toEqual(['x0', 'x1', 'y1', 'x2', 'x3']);
  });

  it('lets a heavy request in after three light ones, so it never waits for ever', async () => {
    const q = new FairQueue(options);
    const { order, ask, release } = recorder(q);
    void ask('first', 'f', 'light');
    await Promise.resolve();
    void ask('heavy', 'h', 'heavy');
    for (let i = 1; i <= 5; i++) void ask(`l${i}`, `l${i}`, 'light');
    for (const name of ['first', 'l1', 'l2', 'l3', 'heavy', 'l4']) await release(name);
    expect(order).toEqual(['first', 'l1', 'l2', 'l3', 'heavy', 'l4', 'l5']);
  });

  it('refuses a client with too many requests running or waiting', async () => {
    const q = new FairQueue({ ...options, maxPerClient: 2 });
    await q.acquire('a', 'light');
    void q.acquire('a', 'light');
    await expect(q.acquire('a', 'light')).rejects.toMatchObject({ reason: 'client_busy' });
    // Others are still welcome.
    void q.acquire('b', 'light');
    expect(q.waiting).toBe(2);
  });

  it('refuses when the line is full, and a request that waited too long', async () => {
    vi.useFakeTimers();
    const q = new FairQueue({ ...options, maxWaiting: 2, maxWaitMs: 5000 });
    await q.acquire('a', 'heavy');
    const late = q.acquire('b', 'light');
    void q.acquire('c', 'light').catch(() => {});
    await expect(q.acquire('d', 'light')).rejects.toMatchObject({ reason: 'queue_full' });
    vi.advanceTimersByTime(5000);
    const refusal = await late.catch((e) => e);
    expect(refusal).toBeInstanceOf(QueueRefusal);
    expect(refusal.reason).toBe('wait_too_long');
    expect(refusal.retryAfterS).toBeGreaterThanOrEqual(1);
    expect(q.waiting).toBe(0);
  });

  it('keeps places for light requests while heavy ones are at their limit', async () => {
    const q = new FairQueue({ ...options, concurrency: 4, maxHeavy: 2 });
    const { order, ask } = recorder(q);
    for (let i = 1; i <= 5; i++) void ask(`heavy-${i}`, `h${i}`, 'heavy');
    await new Promise((r) => setTimeout(r, 0));
    expect(order).toEqual(['heavy-1', 'heavy-2']);
    void ask('small-1', 's1', 'light');
    void ask('small-2', 's2', 'light');
    void ask('small-3', 's3', 'light');
    await new Promise((r) => setTimeout(r, 0));
    // Two heavy and two light run; the third light waits for a place, the heavy ones for theirs.
    expect(order).toEqual(['heavy-1', 'heavy-2', 'small-1', 'small-2']);
    expect(q.waiting).toBe(4);
  });

  it('runs as many at once as its concurrency, and a release given twice counts once', async () => {
    const q = new FairQueue({ ...options, concurrency: 2 });
    const r1 = await q.acquire('a', 'light');
    await q.acquire('b', 'light');
    let third = false;
    void q.acquire('c', 'light').then(() => (third = true));
    void q.acquire('d', 'light');
    r1();
    r1();
    await new Promise((r) => setTimeout(r, 0));
    expect(third).toBe(true);
    expect(q.waiting).toBe(1);
  });
});
