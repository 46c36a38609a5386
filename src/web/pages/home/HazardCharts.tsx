import { Card, Col, Empty, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { hazardStateLabels, hazardStates } from '../../../shared/schemas/hazard';
import { useRequest } from '../../api/use-request';
import { EChart } from '../../components/LazyEChart';
import { homeApi, type HazardSummary } from './api';
import { CardState } from './CardState';

type Group = HazardSummary['byTown'][number] | HazardSummary['bySector'][number];

/** Stacked bars of cards by state per group, with the overdue count beside them. */
function stacked(groups: readonly Group[], nameOf: (g: Group) => string) {
  const names = groups.map(nameOf);
  const used = hazardStates.filter((s) => groups.some((g) => g.states.some((x) => x.state === s)));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: 100, overflow: 'truncate' } },
    series: [
      ...used.map((state) => ({
        name: hazardStateLabels[state], type: 'bar', stack: 'state', barMaxWidth: 16,
        data: groups.map((g) => g.states.find((x) => x.state === state)?.count ?? 0),
      })),
      { name: '逾期', type: 'bar', barMaxWidth: 16, itemStyle: { color: '#cf1322' }, data: groups.map((g) => g.overdue) },
    ],
  };
}

function HazardChart({ title, groups, nameOf }: { title: string; groups: readonly Group[]; nameOf: (g: Group) => string }) {
  const option = useMemo(() => stacked(groups, nameOf), [groups, nameOf]);
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      {groups.length === 0 ? <Empty description="暂无隐患" /> : (
        <EChart
          label={`${title}：${groups.map((g) => `${nameOf(g)}${g.total}项，逾期${g.overdue}项`).join('，')}`}
          option={option}
          height={Math.max(180, groups.length * 28 + 72)}
        />
      )}
    </>
  );
}

const townName = (g: Group) => ('unitName' in g ? g.unitName : '');
const sectorName = (g: Group) => ('sectorLabel' in g ? g.sectorLabel : '');

/** 隐患统计: cards per town and per sector by state, and the overdue ones, in the user's scope. */
export function HazardCharts() {
  const state = useRequest(() => homeApi.hazardSummary(), []);
  return (
    <Card title="隐患排查治理" data-testid="hazards">
      <CardState {...state}>
        {(data) => {
          const total = data.byTown.reduce((n, g) => n + g.total, 0);
          const overdue = data.byTown.reduce((n, g) => n + g.overdue, 0);
          return (
            <>
              <Typography.Paragraph type="secondary">截至 {data.today} 共 {total} 项隐患，其中逾期 {overdue} 项。</Typography.Paragraph>
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}><HazardChart title="按镇（街道）" groups={data.byTown} nameOf={townName} /></Col>
                <Col xs={24} xl={12}><HazardChart title="按行业领域" groups={data.bySector} nameOf={sectorName} /></Col>
              </Row>
            </>
          );
        }}
      </CardState>
    </Card>
  );
}
