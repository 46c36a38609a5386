// The domain never calls Math.random: a random source is passed in, so a drawing is reproducible
// from its seed (the seed is kept with the drawing record for audit).

export interface RandomSource {
  /** A number in [0, 1). */
  next(): number;
}

/**
 * mulberry32: a small, well-distributed 32-bit generator. Enough for fair drawing among a few
 * hundred experts; not for cryptography.
 */
export function createSeededRandom(seed: number): RandomSource {
  if (!Number.isInteger(seed)) throw new RangeError(`随机种子必须是整数：${seed}`);
  let state = seed >>> 0;
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    },
  };
}

/** A uniform integer in [0, n). */
export function randomIndex(random: RandomSource, n: number): number {
  const r = random.next();
  if (!(r >= 0 && r < 1)) throw new RangeError(`随机源返回了[0,1)以外的值：${r}`);
  return Math.floor(r * n);
}
