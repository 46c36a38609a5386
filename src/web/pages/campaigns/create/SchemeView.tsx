import { Alert, Descriptions, Drawer, Empty, List, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { z } from 'zod';
import { accidentGradeLabels } from '../../../../domain/accidents/grade';
import { roundingModeLabels } from '../../../../domain/arith/rounding';
import { indicatorKindLabels } from '../../../../domain/indicators/control-indicator';
import { schemeSchema } from '../../../../domain/scheme/schema';
import type { CriterionInput } from '../../../../domain/scheme/schema';
import { sectorLabel } from '../../../../domain/sectors';
import { useRequest } from '../../../api/use-request';
import { createApi } from './api';

type Scheme = z.output<typeof schemeSchema>;
type Method = NonNullable<CriterionInput['method']>;
type VetoRule = Scheme['veto']['rules'][number];
type RewardRule = NonNullable<Scheme['reward']>['rules'][number];

const num = (n: number) => String(n);
/** “criteria（考核细则条目及分值）” names a part of the file by its key and in Chinese: show the Chinese. */
const illustrativePart = (text: string) => /^[A-Za-z_.-]+（(.+)）$/.exec(text)?.[1] ?? text;

/** A scoring method in the words of a 考核细则. */
function methodText(method: Method | undefined, scheme: Scheme): string {
  if (!method) return '—';
  const metric = (id: string) => scheme.metrics[id]?.name ?? '指标';
  const unit = (id: string) => scheme.metrics[id]?.unit ?? '';
  switch (method.type) {
    case 'manual': return '直接评分';
    case 'deduction': return `按次扣分，每次${num(method.perOccurrence)}分${method.variable ? '（可视情节另定）' : ''}，扣完为止`;
    case 'passFail': return '达标得满分，不达标不得分';
    case 'formula': {
      const r = method.rule;
      const m = metric(method.metric);
      const u = unit(method.metric);
      if (r.kind === 'linear') return `按“${m}”计算：${r.zeroAt}${u} 得 0 分，${r.fullAt}${u} 得满分，其间按比例`;
      if (r.kind === 'bands') return `按“${m}”分段：${r.bands.map((b) => `${b.range} 得 ${num(b.points)} 分`).join('；')}`;
      return `按“${m}”计算：${r.direction === 'atLeast' ? '达到' : '不超过'} ${r.target}${u} 得满分，每差 ${r.unit}${u} 扣 ${num(r.perUnit)} 分，扣完为止`;
    }
  }
}

interface CriterionRow {
  key: string;
  id: string;
  name: string;
  points: number;
  method: string;
  appliesTo: string;
  description: string;
  children?: CriterionRow[];
}

function toRows(items: readonly CriterionInput[], scheme: Scheme, categoryName: (id: string) => string): CriterionRow[] {
  return items.map((c) => ({
    key: c.id,
    id: c.id,
    name: c.name,
    points: c.points,
    method: c.children ? (c.scoredOutOf ? `下设条目按 ${num(c.scoredOutOf)} 分评分后折算为 ${num(c.points)} 分` : '') : methodText(c.method, scheme),
    appliesTo: c.appliesTo ? c.appliesTo.map(categoryName).join('、') : '全部',
    description: [c.description ?? '', c.notApplicableAllowed ? '可申报缺项' : ''].filter(Boolean).join('；'),
    ...(c.children ? { children: toRows(c.children, scheme, categoryName) } : {}),
  }));
}

function vetoText(rule: VetoRule, categoryName: (id: string) => string, scheme: Scheme): string {
  const who = rule.appliesTo ? `（适用：${rule.appliesTo.map(categoryName).join('、')}）` : '';
  switch (rule.type) {
    case 'accident': {
      const filters = [
        rule.scope === 'area' ? '辖区内发生' : '监管行业领域内发生',
        rule.minGrade ? `${accidentGradeLabels[rule.minGrade]}及以上` : '',
        rule.fatal ? '死亡' : '',
        rule.liabilityOnly ? '责任' : '',
        '事故',
        rule.minDeaths ? `（一次死亡 ${rule.minDeaths} 人及以上）` : '',
        rule.minCount > 1 ? ` ${rule.minCount} 起及以上` : '',
        rule.sectors ? `，限${rule.sectors.map(sectorLabel).join('、')}` : '',
        rule.exceptSectors ? `，不含${rule.exceptSectors.map(sectorLabel).join('、')}` : '',
      ];
      return `${filters.join('')}${who}`;
    }
    case 'indicatorBreach': return `突破控制指标${rule.indicators ? `（${rule.indicators.map((k) => indicatorKindLabels[k]).join('、')}）` : ''}${who}`;
    case 'scoreBelow': return `考核分数低于 ${num(rule.line)} 分${who}`;
    case 'metricAbove': return `“${scheme.metrics[rule.metric]?.name ?? '指标'}”超过 ${rule.limit}${scheme.metrics[rule.metric]?.unit ?? ''}${who}`;
    case 'manual': return `安委会决定${who}`;
  }
}

function rewardText(rule: RewardRule, categoryName: (id: string) => string): string {
  const who = rule.appliesTo ? `${rule.appliesTo.map(categoryName).join('、')}：` : '';
  switch (rule.type) {
    case 'linear': return `${who}考核分数达到 ${num(rule.threshold)} 分的，每高出 1 分奖励 ${rule.perPoint.toLocaleString('zh-CN')} 元`;
    case 'bandBase': return `${who}按分数段奖励基数的比例：${rule.bands.map((b) => `${b.range} 为 ${b.percent}%`).join('；')}`;
    case 'perGrade': return `${who}按等次奖励：${Object.entries(rule.amounts).map(([g, a]) => `${g} ${a.toLocaleString('zh-CN')} 元`).join('；')}`;
  }
}

const notApplicableLabels = { normalise: '按其余条目折算（得分 ÷（满分 − 缺项分）× 满分）', fullMarks: '缺项按得满分计', zero: '缺项按 0 分计' } as const;
const rankingScopeLabels = { category: '按单位类别分别排名', overall: '全部单位统一排名' } as const;
const rankingMethodLabels = { competition: '并列占位（1、2、2、4）', dense: '并列不占位（1、2、2、3）' } as const;
const vetoEffectLabels = { blankScore: '不公布分数，定为最低等次', lowestGrade: '保留分数，定为否决等次' } as const;
const responsibilityLabels = { territorial: '属地管理责任', sectoral: '行业监管责任' } as const;

/** A scheme as people read a 考核办法: categories, the criteria tree, grades, vetoes and rewards. */
export function SchemeContent({ raw }: { raw: unknown }) {
  const parsed = schemeSchema.safeParse(raw);
  if (!parsed.success) return <Alert type="warning" showIcon title="考核方案的内容无法按现行格式读取。" />;
  const scheme = parsed.data;
  const names = new Map(scheme.categories.map((c) => [c.id, c.name]));
  const categoryName = (id: string) => names.get(id) ?? '其他类别';
  const columns: TableProps<CriterionRow>['columns'] = [
    { title: '编号', dataIndex: 'id', width: 90 },
    { title: '考核内容', dataIndex: 'name' },
    { title: '标准分', dataIndex: 'points', width: 72, align: 'right' },
    { title: '评分方法', dataIndex: 'method', width: 220 },
    { title: '适用单位', dataIndex: 'appliesTo', width: 90 },
    { title: '评分标准', dataIndex: 'description', responsive: ['xl'] },
  ];
  const adjustments = [...(scheme.bonus?.items ?? []).map((i) => ({ ...i, sign: '加分' })), ...(scheme.penalty?.items ?? []).map((i) => ({ ...i, sign: '减分' }))];
  return (
    <div aria-label="考核方案">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="名称">{scheme.campaign.name}</Descriptions.Item>
        <Descriptions.Item label="总分">{num(scheme.scale)} 分</Descriptions.Item>
        <Descriptions.Item label="依据">{scheme.source ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="缺项处理">{notApplicableLabels[scheme.notApplicable.mode]}</Descriptions.Item>
        <Descriptions.Item label="排名">{rankingScopeLabels[scheme.ranking.scope]}，{rankingMethodLabels[scheme.ranking.method]}</Descriptions.Item>
        <Descriptions.Item label="合格分数线">{num(scheme.stats.threshold)} 分（含）</Descriptions.Item>
      </Descriptions>
      {scheme.illustrative && scheme.illustrative.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`以下部分为示意内容：${scheme.illustrative.map(illustrativePart).join('、')}`} />
      )}
      <Typography.Title level={5}>单位类别</Typography.Title>
      <List
        size="small"
        dataSource={scheme.categories}
        renderItem={(c) => (
          <List.Item><Tag color="blue">{c.name}</Tag>{responsibilityLabels[c.responsibility]}{c.description ? `：${c.description}` : ''}</List.Item>
        )}
      />
      <Typography.Title level={5}>考核细则</Typography.Title>
      <Table<CriterionRow>
        size="small"
        columns={columns}
        dataSource={toRows(scheme.criteria, scheme, categoryName)}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        scroll={{ x: 640 }}
        aria-label="考核细则"
      />
      {adjustments.length > 0 && (
        <>
          <Typography.Title level={5}>加分与减分</Typography.Title>
          <List
            size="small"
            dataSource={adjustments}
            renderItem={(i) => (
              <List.Item>
                <Tag color={i.sign === '加分' ? 'green' : 'orange'}>{i.sign}</Tag>
                {i.name}：{i.mode === 'highestLevel'
                  ? `按最高级别计一次（${(i.levels ?? []).map((l) => `${l.name} ${num(l.points)} 分`).join('，')}）`
                  : `每次 ${num(i.points ?? 0)} 分`}
                {i.cap ? `，最多 ${num(i.cap)} 分` : ''}
              </List.Item>
            )}
          />
        </>
      )}
      <Typography.Title level={5}>等次</Typography.Title>
      <List
        size="small"
        dataSource={scheme.grades.bands}
        renderItem={(b) => <List.Item><Tag>{b.name}</Tag>考核分数在 {b.range} 之间</List.Item>}
        footer={[
          scheme.grades.vetoGrade ? `被一票否决的单位定为“${scheme.grades.vetoGrade}”。` : '',
          ...(scheme.grades.byRank ?? []).map((r) => `“${r.name}”：${r.among.join('、')}单位中${r.scope === 'category' ? '各类别' : '全部单位'}排名前 ${typeof r.top === 'number' ? r.top : Object.entries(r.top).map(([c, n]) => `${categoryName(c)} ${n}`).join('、')} 名。`),
        ].filter(Boolean).join(' ') || undefined}
      />
      <Typography.Title level={5}>一票否决（{vetoEffectLabels[scheme.veto.effect]}）</Typography.Title>
      {scheme.veto.rules.length === 0 ? <Empty description="本方案未设一票否决" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
        <List size="small" dataSource={scheme.veto.rules} renderItem={(r) => <List.Item><div><div>{r.reason}</div><Typography.Text type="secondary">{vetoText(r, categoryName, scheme)}</Typography.Text></div></List.Item>} />
      )}
      <Typography.Title level={5}>奖励</Typography.Title>
      {!scheme.reward ? <Empty description="本方案未设奖励" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
        <List
          size="small"
          dataSource={scheme.reward.rules.map((r) => rewardText(r, categoryName))}
          renderItem={(text) => <List.Item>{text}</List.Item>}
          footer={[
            `金额${roundingModeLabels[scheme.reward.rounding]}到元。`,
            scheme.reward.requireNoBreach ? '突破控制指标的单位不予奖励。' : '',
            ...(scheme.reward.splits ?? []).map((s) => `${s.role}分得 ${s.percent}%。`),
          ].filter(Boolean).join(' ')}
        />
      )}
    </div>
  );
}

/** The campaign's current scheme in a drawer, read from the server. */
export function SchemeDrawer({ campaignId, open, onClose }: { campaignId: string; open: boolean; onClose: () => void }) {
  const scheme = useRequest(async () => (open ? createApi.scheme(campaignId) : null), [campaignId, open]);
  return (
    <Drawer open={open} onClose={onClose} size={960} title={scheme.data ? `考核方案（第 ${scheme.data.version} 版）` : '考核方案'} closable={{ 'aria-label': '关闭' }}>
      {scheme.error && <Alert type="error" showIcon title={scheme.error} />}
      {scheme.loading && !scheme.data && <Skeleton active />}
      {scheme.data && <SchemeContent raw={scheme.data.scheme} />}
    </Drawer>
  );
}
