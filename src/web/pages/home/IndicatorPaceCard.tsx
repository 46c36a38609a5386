import { Card, Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { CampaignView } from '../../../shared/schemas/campaign';
import { useRequest } from '../../api/use-request';
import { EChart } from '../../components/LazyEChart';
import { homeApi, percentOf, type MonthlyReports } from './api';
import { CardState } from './CardState';

const colours = { breached: '#cf1322', ahead: '#fa8c16', ok: '#1677ff' } as const;

/** Per unit, its indicator furthest into its ceiling (已用比例), against the share of the year elapsed. */
function paceRows(reports: MonthlyReports) {
  return reports.items.flatMap((u) => {
    // Units that have used none of any ceiling stay out of the chart (counted in the text instead).
    const indicators = (u.indicators ?? []).filter((i) => i.actual > 0);
    if (indicators.length === 0) return [];
    const worst = [...indicators].sort((a, b) => Number(b.breached) - Number(a.breached) || (b.usedBasisPoints ?? 0) - (a.usedBasisPoints ?? 0))[0]!;
    return [{ name: u.name, worst, used: worst.usedBasisPoints == null ? 100 : percentOf(worst.usedBasisPoints), elapsed: percentOf(worst.elapsedBasisPoints) }];
  });
}

/** 控制指标进度: year-to-date use of each unit's control indicators against the year's pace, warning colours when ahead. */
export function IndicatorPaceCard({ campaign }: { campaign: CampaignView }) {
  const state = useRequest(() => homeApi.monthlyReports(campaign.id), [campaign.id]);
  const rows = useMemo(() => (state.data ? paceRows(state.data) : []), [state.data]);
  const withIndicators = state.data?.items.filter((u) => (u.indicators ?? []).length > 0).length ?? 0;
  const elapsed = rows[0]?.elapsed ?? percentOf(state.data?.items.flatMap((u) => u.indicators ?? [])[0]?.elapsedBasisPoints ?? 0);
  const option = useMemo(() => ({
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const r = rows[params[0]!.dataIndex]!;
        return `${r.name}<br/>${r.worst.label}：实际 ${r.worst.actual}，已用 ${r.used}%<br/>全年时间进度 ${r.elapsed}%${r.worst.breached ? '（已突破）' : r.worst.aheadOfPace ? '（超过时间进度）' : ''}`;
      },
    },
    grid: { left: 8, right: 40, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10), axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [{
      type: 'bar',
      name: '已用比例',
      barMaxWidth: 16,
      data: rows.map((r) => ({
        value: r.used,
        itemStyle: { color: r.worst.breached ? colours.breached : r.worst.aheadOfPace ? colours.ahead : colours.ok },
      })),
      markLine: { symbol: 'none', silent: true, label: { show: false }, lineStyle: { color: '#595959', type: 'dashed' }, data: [{ xAxis: elapsed }] },
    }],
  }), [rows, elapsed]);
  const warnings = rows.filter((r) => r.worst.breached || r.worst.aheadOfPace).length;
  return (
    <Card title="控制指标进度" extra={<Link to="/monthly-reports">月度指标</Link>} data-testid="indicator-pace">
      <CardState {...state}>
        {(data) => (withIndicators === 0 ? <Empty description="暂无控制指标数据" /> : (
          <>
            <Typography.Paragraph type="secondary">
              统计至 {data.asOf ?? data.today}，全年时间进度 {elapsed}%（虚线）。图中为已发生事故的单位的控制指标已用比例（取最接近控制数的一项），
              其余 {withIndicators - rows.length} 个单位尚未使用；
              <span style={{ color: colours.ahead }}>橙色</span>为超过时间进度，<span style={{ color: colours.breached }}>红色</span>为已突破。
              {warnings > 0 ? `共 ${warnings} 个单位需预警。` : '暂无单位超过进度。'}
            </Typography.Paragraph>
            {rows.length > 0 && <EChart label={`控制指标进度：${rows.map((r) => `${r.name}已用${r.used}%`).join('，')}`} option={option} height={Math.max(160, rows.length * 26 + 48)} />}
          </>
        ))}
      </CardState>
    </Card>
  );
}
