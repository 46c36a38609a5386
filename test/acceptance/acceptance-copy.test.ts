import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zhoucunExpectedPath, zhoucunNoticePath } from '../support/acceptance';

// The repository keeps its own copy of the published reference case so a clean clone tests
// against it; where the original is beside the repository, the copy must be identical.
const originals = [
  [zhoucunExpectedPath, new URL('../../../shared/acceptance/zhoucun-2014-expected.json', import.meta.url).pathname],
  [zhoucunNoticePath, new URL('../../../shared/seed/zhoucun-2014-safety-target-assessment-notice.txt', import.meta.url).pathname],
] as const;

describe('reference case copies', () => {
  it.each(originals)('%s is present and matches its original when that is available', (copy, original) => {
    const text = readFileSync(copy, 'utf8');
    expect(text.length).toBeGreaterThan(100);
    if (existsSync(original)) expect(text).toBe(readFileSync(original, 'utf8'));
  });
});
