import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index';
import { runCli } from '../../src/cli/run-cli';

const example = new URL('../../examples/zhoucun-2014', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, commands, { out: (t) => { out += `${t}\n`; }, err: (t) => { err += `${t}\n`; } });
  return { code, out, err };
}

function copyExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anke-case-'));
  cpSync(example, dir, { recursive: true });
  return dir;
}

describe('anke assess', () => {
  it('prints the published table and the statistics line', async () => {
    const { code, out } = await cli('assess', example);
    expect(code).toBe(0);
    expect(out).toContain('序号');
    expect(out).toContain('奖励金额（元）');
    expect(out).toMatch(/35\s+南郊镇政府\s+辖区发生较大生产安全事故，实施一票否决/);
    expect(out).toContain('在被考核的38个单位中，考核分数在80分以上的有34个，占89.47%。');
  });

  it('prints JSON with numbers or null', async () => {
    const { code, out } = await cli('assess', example, '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.campaign).toEqual({ name: '2014年全区安全生产目标管理考核', year: 2014 });
    expect(json.stats).toEqual({ assessed: 38, atOrAboveThreshold: 34, passRatePercent: '89.47' });
    expect(json.rows[0]).toEqual({ seq: 1, unit: '王村镇政府', category: '属地', score: 95, reward: 6000, remark: '', rank: 1, grade: '合格', vetoed: false });
    expect(json.rows[36]).toMatchObject({ unit: '区住建局', score: null, reward: null, rank: null, vetoed: true });
  });

  it('prints CSV for Excel', async () => {
    const { out } = await cli('assess', example, '--format', 'csv');
    const lines = out.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('序号,单位,类别,考核分数,奖励金额（元）,备注,排名,等次');
    expect(lines[35]).toBe('35,南郊镇政府,属地,,,辖区发生较大生产安全事故，实施一票否决,,不合格');
  });

  it('explains one unit', async () => {
    const { code, out } = await cli('assess', example, '--explain', '南郊镇政府');
    expect(code).toBe(0);
    expect(out).toContain('辖区发生较大生产安全事故，实施一票否决');
    expect(out).toContain('事故 ZC-2014-001');
  });

  it.each([
    [['assess'], '请给出一个方案目录或文件'],
    [['assess', '/nonexistent/dir'], '找不到考核数据：/nonexistent/dir'],
    [['assess', example, '--format', 'xml'], '--format 只能是 table、json 或 csv'],
    [['assess', example, '--explain', '不存在的单位'], '找不到单位“不存在的单位”'],
    [['assess', example, '--bogus'], '参数错误：未知选项“--bogus”'],
    [['frobnicate'], '未知命令“frobnicate”'],
  ])('%j fails with one Chinese line and exit code 2', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('names the file and place of bad data', async () => {
    const dir = copyExample();
    const scores = readFileSync(join(dir, 'scores.yaml'), 'utf8').replace('"2.3": 10', '"2.3": 12');
    writeFileSync(join(dir, 'scores.yaml'), scores);
    const { code, err } = await cli('assess', dir);
    expect(code).toBe(2);
    expect(err).toContain('scores.yaml：scores.wangcun["2.3"]：得分 12 超过本条标准分 10');
  });

  it('reports an unknown unit in the scores and negative deaths', async () => {
    const dir = copyExample();
    writeFileSync(join(dir, 'scores.yaml'), `${readFileSync(join(dir, 'scores.yaml'), 'utf8')}  ghost:\n    "1.2": 5\n`);
    expect((await cli('assess', dir)).err).toContain('scores.yaml：scores.ghost：未知单位“ghost”');
    const dir2 = copyExample();
    writeFileSync(join(dir2, 'accidents.yaml'), readFileSync(join(dir2, 'accidents.yaml'), 'utf8').replace('deaths: 1', 'deaths: -1'));
    expect((await cli('assess', dir2)).err).toContain('accidents.yaml：accidents[2].deaths：应不小于 0，实际为 -1');
  });

  it('reports YAML syntax errors with the line', async () => {
    const dir = copyExample();
    writeFileSync(join(dir, 'scheme.yaml'), 'format: 1\ncampaign: [\n');
    const { code, err } = await cli('assess', dir);
    expect(code).toBe(2);
    expect(err).toMatch(/scheme\.yaml 第 \d+ 行：YAML 格式错误/);
  });

  it('accepts one file holding every part', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anke-single-'));
    const file = join(dir, 'case.json');
    writeFileSync(file, JSON.stringify({
      scheme: { format: 1, campaign: { name: '单文件', year: 2024 }, scale: 10, categories: [{ id: 'c', name: '属地', responsibility: 'territorial' }],
        criteria: [{ id: 'A', name: '甲', points: 10, method: { type: 'manual' } }], grades: { bands: [{ name: '合格', range: '(-∞, +∞)' }] }, stats: { threshold: 6 } },
      units: [{ id: 'u', name: '甲镇', category: 'c' }],
      scores: { u: { A: 7 } },
    }));
    const { code, out } = await cli('assess', file, '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(out).rows[0]).toMatchObject({ unit: '甲镇', score: 7 });
  });

  it('runs as `npx anke` with exit code 2 and no stack trace on bad input', () => {
    const ok = spawnSync('node', [join(root, 'bin/anke.mjs'), 'assess', example, '--format', 'json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).rows).toHaveLength(38);
    const bad = spawnSync('node', [join(root, 'bin/anke.mjs'), 'assess', '/nonexistent'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('错误：找不到考核数据：/nonexistent');
  });
});
