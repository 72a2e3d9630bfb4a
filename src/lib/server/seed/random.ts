/**
 * Seeded randomness for the synthetic demo data: the same seed gives the same numbers on every
 * machine and Node version (32-bit integer arithmetic only, no Math.random).
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, as in PractRand),
 * its four state words filled by splitmix32 from the seed.
 */

export interface Rng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Uniform integer in [min, maxInclusive]. */
  int(min: number, maxInclusive: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One value, with probability proportional to its weight (weights >= 0, not all zero). */
  weighted<T>(items: readonly { value: T; weight: number }[]): T;
  /** Normal deviate (Box-Muller; one pair of uniforms per call). */
  normal(mean: number, sd: number): number;
  /** exp(normal(mu, sigma)): the median is exp(mu). */
  logNormal(mu: number, sigma: number): number;
  /** Fisher-Yates shuffle in place; returns its argument. */
  shuffle<A extends { length: number; [i: number]: unknown }>(items: A): A;
}

const TWO_POW_32 = 4294967296;

/** splitmix32 step: returns [output, nextState]; used to expand a seed into generator state. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [z >>> 0, next];
}

/**
 * A deterministic generator for `seed` (any finite number; it is reduced to 32 bits).
 * @example createRng(42).int(1, 6) // the same die roll on every run
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  let s = Math.trunc(seed) | 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [out, next] = splitmix32(s);
    words.push(out);
    s = next;
  }
  let [a, b, c, d] = words;

  function nextUint32(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  // Discard the first outputs so that nearby seeds diverge fully.
  for (let i = 0; i < 12; i++) nextUint32();

  const next = () => nextUint32() / TWO_POW_32;

  const rng: Rng = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int(min, maxInclusive) {
      if (maxInclusive < min) throw new RangeError(`int(${min}, ${maxInclusive}): empty range`);
      return min + Math.floor(next() * (maxInclusive - min + 1));
    },
    chance: (p) => next() < p,
    pick(items) {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    weighted(items) {
      let total = 0;
      for (const item of items) total += item.weight;
      if (!(total > 0)) throw new RangeError('weighted: weights must sum to more than zero');
      let r = next() * total;
      for (const item of items) {
        r -= item.weight;
        if (r < 0) return item.value;
      }
      // Rounding can leave r at exactly 0 after the last item: return the last positive one.
      for (let i = items.length - 1; i >= 0; i--) if (items[i].weight > 0) return items[i].value;
      return items[items.length - 1].value;
    },
    normal(mean, sd) {
      const u1 = 1 - next(); // (0, 1]: log stays finite
      const u2 = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    logNormal: (mu, sigma) => Math.exp(rng.normal(mu, sigma)),
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = items[i];
        items[i] = items[j];
        items[j] = tmp;
      }
      return items;
    },
  };
  return rng;
}

/**
 * A seed for an independent stream, from a base seed and a label, so that adding draws to one
 * stream (say, placement) never shifts another (say, the case plan).
 * @example createRng(deriveSeed(20240925, 'an_giang/plan'))
 */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (Math.trunc(seed) | 0); // FNV-1a over the label, started from the seed
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return splitmix32(h)[0] | 0;
}

/**
 * Precomputed sampler over many weights (cumulative sums, binary search): O(log n) per draw,
 * for tables too long for `Rng.weighted` (line segments, days).
 * @example const day = createWeightedIndex([1, 1, 3]); day(rng) // 2 with probability 0.6
 */
export function createWeightedIndex(weights: ArrayLike<number>): (rng: Rng) => number {
  const n = weights.length;
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weight ${i} is ${w}`);
    total += w;
    cumulative[i] = total;
  }
  if (!(total > 0)) throw new RangeError('createWeightedIndex: weights must sum to more than zero');
  return (rng) => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * Splits `total` into integers proportional to `weights` (largest-remainder method, ties to the
 * earlier entry): the parts always sum to `total`, and weights that already sum to `total` come
 * back unchanged.
 * @example apportion(10, [88, 165]) // [3, 7]
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0)
    throw new RangeError(`total must be >= 0, got ${total}`);
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!(sum > 0)) throw new RangeError('apportion: weights must sum to more than zero');
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact
    .map((x, i) => ({ i, rem: x - Math.floor(x) }))
    .sort((p, q) => q.rem - p.rem || p.i - q.i);
  for (let k = 0; left > 0; k++, left--) parts[order[k].i]++;
  return parts;
}
