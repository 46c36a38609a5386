import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STEP_ZH } from '../../src/domain/ledgers/enforcement/procedures';
import { campaignDateFields, campaignDateLabels } from '../../src/domain/workflow/campaign-dates';
import { auditActionLabel, auditFieldLabels } from '../../src/web/labels';

const serverDir = fileURLToPath(new URL('../../src/server', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every audit action the server writes as a literal (`action: 'tip.reply'`). */
const literalActions = [...new Set(files(serverDir).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/action: '([a-z_]+\.[a-zA-Z_]+)'/g)].map((m) => m[1]!)))].sort();

describe('the audit log names every action in Chinese', () => {
  it('finds the server\'s audit actions', () => {
    expect(literalActions).toEqual(expect.arrayContaining(['tip.receive', 'tip.reply', 'enforcement.open', 'hazard.create']));
  });

  it.each(literalActions)('%s', (action) => {
    expect(auditActionLabel(action)).not.toBe('其他操作');
  });

  it('enforcement steps by the procedure\'s names', () => {
    for (const [step, label] of Object.entries(STEP_ZH)) expect(auditActionLabel(`enforcement.${step}`)).toBe(`执法措施：${label}`);
    expect(auditActionLabel('enforcement.nothing')).toBe('其他操作');
  });

  it('修改考核活动日期 names each changed date and the 月报报送期限 with the months it applies to', () => {
    expect(auditActionLabel('campaign.updateDates')).toBe('修改考核活动日期');
    for (const f of campaignDateFields) expect(auditFieldLabels[f]).toBe(campaignDateLabels[f]);
    expect(auditFieldLabels.monthlyReportGraceDays).toBe('月报报送期限');
    // The audit detail of a rule change (update-campaign-dates.ts) names where it applies and which months kept the old rule.
    const written = readFileSync(join(serverDir, 'modules/campaigns/update-campaign-dates.ts'), 'utf8');
    for (const key of ['monthlyReportRuleApplies', 'monthlyReportMonthsKept']) {
      expect(written).toContain(`${key}:`);
      expect(auditFieldLabels[key]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
