import { Card, Col, Empty, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { CampaignView } from '../../../shared/schemas/campaign';
import { useRequest } from '../../api/use-request';
import { EChart } from '../../components/LazyEChart';
import { homeApi, type CampaignResults } from './api';
import { CardState } from './CardState';

const bands = [
  { label: '95分及以上', test: (s: number) => s >= 95 },
  { label: '90–94.99分', test: (s: number) => s >= 90 && s < 95 },
  { label: '85–89.99分', test: (s: number) => s >= 85 && s < 90 },
  { label: '85分以下', test: (s: number) => s < 85 },
];

function distribution(rows: CampaignResults['rows']) {
  const categoryNames = [...new Set(rows.map((r) => r.category))];
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 24, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: [...bands.map((b) => b.label), '一票否决'], axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, name: '单位数' },
    series: categoryNames.map((category) => {
      const inCategory = rows.filter((r) => r.category === category);
      return {
        name: category, type: 'bar', stack: 'units',
        data: [...bands.map((b) => inCategory.filter((r) => r.score != null && !r.vetoed && b.test(r.score)).length), inCategory.filter((r) => r.vetoed).length],
      };
    }),
  };
}

/** The ranked units of each category, best first (名次 as the engine ranked them). */
function ranking(rows: CampaignResults['rows']) {
  const ranked = rows.filter((r) => r.score != null && !r.vetoed).sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).slice(0, 15);
  return {
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 5) * 5 - 5), max: 100 },
      yAxis: { type: 'category', inverse: true, data: ranked.map((r) => r.unit), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [{ type: 'bar', name: '得分', barMaxWidth: 14, data: ranked.map((r) => r.score), label: { show: true, position: 'right', formatter: '{c}' } }],
    },
    count: ranked.length,
  };
}

/** 得分分布与排名 of the latest campaign whose results are public (公示 or 通报). */
export function ResultsCharts({ campaign }: { campaign: CampaignView }) {
  const state = useRequest(() => homeApi.results(campaign.id), [campaign.id]);
  const charts = useMemo(() => (state.data ? { distribution: distribution(state.data.rows), ranking: ranking(state.data.rows) } : null), [state.data]);
  return (
    <Card title={`考核结果：${campaign.name}`} extra={<Link to={`/campaigns/${encodeURIComponent(campaign.id)}/results`}>查看成绩表</Link>} data-testid="results">
      <CardState {...state}>
        {(data) => (data.rows.length === 0 || !charts ? <Empty description="暂无考核结果" /> : (
          <>
            <Typography.Paragraph type="secondary">参评 {data.stats.assessed} 个，合格率 {data.stats.passRatePercent}%。</Typography.Paragraph>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Typography.Text strong>得分分布</Typography.Text>
                <EChart label={`${campaign.name}得分分布`} option={charts.distribution} height={280} />
              </Col>
              <Col xs={24} xl={12}>
                <Typography.Text strong>得分排名（前 {charts.ranking.count} 名）</Typography.Text>
                <EChart label={`${campaign.name}得分排名`} option={charts.ranking.option} height={Math.max(200, charts.ranking.count * 22 + 24)} />
              </Col>
            </Row>
          </>
        ))}
      </CardState>
    </Card>
  );
}
