import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/cli/load-case';
import { commands } from '../../src/cli/commands/index';
import { runCli } from '../../src/cli/run-cli';
import { indicatorReport } from '../../src/domain/assessment/indicator-report';

const example = new URL('../../examples/zhoucun-2014', import.meta.url).pathname;

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, commands, { out: (t) => { out += `${t}\n`; }, err: (t) => { err += `${t}\n`; } });
  return { code, out, err };
}

describe('control indicators as of a date', () => {
  const input = loadCase(example);

  it('counts only accidents up to the date', () => {
    const august = indicatorReport(input, '2014-08-31');
    const dajie = august.find((u) => u.name === '大街街道办事处')!;
    expect(dajie.indicators[0]).toMatchObject({ actual: 0, breached: false }); // its accident is on 2014-09-03
    const december = indicatorReport(input, '2014-12-31');
    expect(december.find((u) => u.name === '大街街道办事处')!.indicators[0]).toMatchObject({ actual: 3, breached: true });
  });

  it('warns when use runs ahead of the year', () => {
    const jiaotong = indicatorReport(input, '2014-08-31').find((u) => u.name === '区交通运输局')!;
    expect(jiaotong.indicators[0]!.pace).toMatchObject({ usedBasisPoints: 10000, elapsedBasisPoints: 6658, aheadOfPace: true, breached: false });
  });

  it('prints the table with statuses', async () => {
    const { code, out } = await cli('indicators', example, '--as-of', '2014-08-31');
    expect(code).toBe(0);
    expect(out).toMatch(/区交通运输局\s+死亡人数 ≤ 1\s+1\s+100\.00%\s+66\.58%\s+超进度预警/);
    expect(out).toMatch(/南郊镇政府\s+较大及以上事故起数 ≤ 0\s+1\s+—\s+66\.58%\s+突破/);
  });

  it.each([
    [['indicators', example, '--as-of', '2014/08/31'], '--as-of 应为日期 YYYY-MM-DD'],
    [['indicators', example, '--as-of', '2015-01-01'], '不在考核年度 2014 年内'],
  ])('%j is refused', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
