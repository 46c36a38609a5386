/**
 * Ranks by score, highest first. Ties share a rank.
 * competition ("1224"): the next rank skips — published practice (洛阳 2012 Q3: 12, 12, 14);
 * dense ("1223"): no gaps.
 * Returns ranks aligned with the input order.
 */
export function rankScores(scores: readonly number[], method: 'competition' | 'dense'): number[] {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const ranks = new Array<number>(scores.length);
  let previous: number | undefined;
  let rank = 0;
  let dense = 0;
  order.forEach((index, position) => {
    const score = scores[index]!;
    if (score !== previous) {
      rank = position + 1;
      dense += 1;
      previous = score;
    }
    ranks[index] = method === 'competition' ? rank : dense;
  });
  return ranks;
}
