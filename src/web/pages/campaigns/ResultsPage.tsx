import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Empty, Row, Segmented, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { lazy, memo, Suspense, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { campaignApi } from './api';
import type { ResultRow } from './api';
import { mayManageCampaigns } from './create/api';
import { DownloadMenu } from './documents/DownloadMenu';

// The what-if panel (the scheme's validation, the date picker) and the trace drawer (antd
// Drawer and Tree) load when opened, so the table of a large campaign appears sooner (bench:web).
const WhatIfPanel = lazy(async () => ({ default: (await import('./what-if/WhatIfPanel')).WhatIfPanel }));
const TraceDrawer = lazy(async () => ({ default: (await import('./TraceDrawer')).TraceDrawer }));

const all = '全部';
const virtualFrom = 200;

// One formatter for every cell: toLocaleString builds a new one on each call.
const yuan = new Intl.NumberFormat('zh-CN');
const money = (value: number | null) => (value == null ? '—' : yuan.format(value));
const points = (value: number | null) => (value == null ? '—' : String(value));

const columnsFor = (onTrace: (row: ResultRow) => void): TableProps<ResultRow>['columns'] => [
  // The notice's own columns first, in its order: 序号, 单位, 考核分数, 奖励金额（元）, 备注.
  // A unit's name opens its trace (得分反查).
  { title: '序号', dataIndex: 'seq', width: 56, align: 'center' },
  {
    title: '单位',
    dataIndex: 'unit',
    width: 170,
    render: (unit: string, row) => (
      <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
        onClick={() => onTrace(row)} aria-label={`查看${unit}的得分反查`} title="查看得分反查">
        {unit}
      </Button>
    ),
  },
  { title: '考核分数', dataIndex: 'score', width: 84, align: 'right', render: points },
  { title: '奖励金额（元）', dataIndex: 'reward', width: 116, align: 'right', render: money },
  { title: '备注', dataIndex: 'remark', render: (remark: string) => remark || '' },
  {
    title: '等次',
    dataIndex: 'grade',
    width: 76,
    render: (grade: string, row) => <Tag color={row.vetoed ? 'red' : 'blue'}>{grade}</Tag>,
  },
  { title: '类别内排名', dataIndex: 'rank', width: 96, align: 'center', render: (rank: number | null) => rank ?? '—' },
];

const emptyLocale = { emptyText: <Empty description="暂无考核结果" /> };
const virtualScroll = { x: 720, y: 600 };
const fullScroll = { x: 720 };

/**
 * The table itself, rendered again only when its rows change: the campaign's name arriving
 * after the results, or a drawer opening, leaves thousands of rows alone (bench:web).
 */
const ResultsTable = memo(function ResultsTable({ rows, onTrace }: { rows: ResultRow[]; onTrace: (row: ResultRow) => void }) {
  const columns = useMemo(() => columnsFor(onTrace), [onTrace]);
  const virtual = rows.length > virtualFrom;
  return (
    <Table<ResultRow>
      rowKey="seq"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={emptyLocale}
      // Thousands of units scroll inside a virtualised table; a district's few dozen
      // rows are laid out in full, as on the printed notice.
      scroll={virtual ? virtualScroll : fullScroll}
      virtual={virtual}
    />
  );
});

export function Component() {
  const { id = '' } = useParams();
  const campaign = useRequest(() => campaignApi.get(id), [id]);
  const results = useRequest(() => campaignApi.results(id), [id]);
  const [category, setCategory] = useState<string>(all);
  const [tracing, setTracing] = useState<ResultRow | null>(null);
  const [simulating, setSimulating] = useState(false);
  const office = mayManageCampaigns(useAccount());

  const data = results.data;
  const categories = useMemo(() => [...new Set((data?.rows ?? []).map((r) => r.category))], [data]);
  const rows = useMemo(() => (data?.rows ?? []).filter((r) => category === all || r.category === category), [data, category]);
  const shownReward = useMemo(() => rows.reduce((sum, r) => sum + (r.reward ?? 0), 0), [rows]);

  const title = data?.campaign.name ?? campaign.data?.name ?? '考核结果';
  return (
    <>
      <Breadcrumb
        className="anke-noprint"
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/campaigns">考核活动</Link> },
          { title: <Link to={`/campaigns/${encodeURIComponent(id)}`}>{campaign.data?.name ?? '详情'}</Link> },
          { title: '结果与排名' },
        ]}
      />
      <div className="anke-noprint" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={3} className="anke-page-title">结果与排名</Typography.Title>
        <div style={{ display: 'flex', gap: 8 }}>
          <DownloadMenu campaignId={id} version={data?.version ?? null} />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!data}>打印</Button>
        </div>
      </div>
      {results.error && <Alert type="error" showIcon title={results.error} />}
      {results.loading && !data && <Skeleton active />}
      {data && (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Typography.Title level={4} style={{ marginTop: 0 }}>{title}</Typography.Title>
            <Typography.Paragraph type="secondary" className="anke-noprint">
              点击单位名称可查看其得分反查。{data.version == null ? '尚未发布：以下结果由现有数据即时计算，仅供审核。' : `已发布结果，第 ${data.version} 版。`}
            </Typography.Paragraph>
            {office && data.version == null && (
              <Button className="anke-noprint" style={{ marginBottom: 16 }} onClick={() => setSimulating(true)}>假设测算（模拟）</Button>
            )}
            <Row gutter={16}>
              <Col xs={12} md={6}><Statistic title="参评单位" value={data.stats.assessed} suffix="个" /></Col>
              <Col xs={12} md={6}><Statistic title="达到合格分数线" value={data.stats.atOrAboveThreshold} suffix="个" /></Col>
              <Col xs={12} md={6}><Statistic title="合格率" value={data.stats.passRatePercent} suffix="%" /></Col>
              <Col xs={12} md={6}><Statistic title={category === all ? '奖励金额合计（元）' : `${category}奖励合计（元）`} value={shownReward} /></Col>
            </Row>
          </Card>
          <Card>
            <div className="anke-noprint" style={{ marginBottom: 16, display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
              <span id="category-filter-label">单位类别：</span>
              <Segmented
                aria-labelledby="category-filter-label"
                options={[all, ...categories]}
                value={category}
                onChange={(value) => setCategory(value)}
              />
            </div>
            <ResultsTable rows={rows} onTrace={setTracing} />
          </Card>
        </>
      )}
      {simulating && campaign.data && (
        <Suspense><WhatIfPanel campaignId={id} year={campaign.data.year} open={simulating} onClose={() => setSimulating(false)} /></Suspense>
      )}
      {tracing && (
        <Suspense><TraceDrawer campaignId={id} row={tracing} version={data?.version ?? null} onClose={() => setTracing(null)} /></Suspense>
      )}
    </>
  );
}
