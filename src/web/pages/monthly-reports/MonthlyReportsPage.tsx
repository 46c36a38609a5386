import { Alert, Button, Card, Empty, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { defaultCampaignId, figureLabel, percent, reportApi, ruleSummary, statusText } from './figures';
import type { IndicatorPace, MonthReport, UnitReports } from './figures';
import { ReportForm } from './ReportForm';

const months = Array.from({ length: 12 }, (_, i) => i + 1);

function StatusTag({ month, compact = false }: { month: MonthReport; compact?: boolean }) {
  const s = statusText[month.status];
  if (compact) return <Tag color={s.colour} style={{ marginInlineEnd: 0, paddingInline: 3, fontSize: 12 }}>{s.text}</Tag>;
  return <Tag color={s.colour} style={{ marginInlineEnd: 0 }}>{s.mark} {s.text}</Tag>;
}

const figuresText = (figures: Record<string, number> | null) =>
  figures && Object.keys(figures).length > 0 ? Object.entries(figures).map(([k, v]) => `${figureLabel(k)} ${v}`).join('；') : '—';

/** A liaison's own unit: every month with its status, and the form for a month's figures. */
function UnitMonths({ campaignId, year, unit, onSaved }: { campaignId: string; year: number; unit: UnitReports; onSaved: () => void }) {
  const [editing, setEditing] = useState<MonthReport>();
  const columns: TableProps<MonthReport>['columns'] = [
    { title: '月份', dataIndex: 'month', width: 56, render: (m: number) => `${m}月` },
    { title: '报送期限', dataIndex: 'deadline', width: 100 },
    { title: '状态', dataIndex: 'status', width: 84, render: (_: unknown, m) => <StatusTag month={m} /> },
    { title: '报送日期', dataIndex: 'submittedOn', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '填报指标', dataIndex: 'figures', render: figuresText },
    {
      title: '事故（来自事故登记）', key: 'derived', width: 150,
      render: (_: unknown, m) => (
        <Space orientation="vertical" size={0}>
          <span>{m.derived.accidents} 起</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>死亡 {m.derived.deaths} 人，重伤 {m.derived.seriousInjuries} 人</Typography.Text>
        </Space>
      ),
    },
    {
      title: '操作', key: 'edit', width: 84,
      render: (_: unknown, m) => (m.status === 'notDue' ? <Typography.Text type="secondary">月末后报送</Typography.Text> : (
        <Button size="small" type={m.submittedOn ? 'default' : 'primary'} onClick={() => setEditing(m)} aria-label={`填报${m.month}月`}>
          {m.submittedOn ? '修改' : '填报'}
        </Button>
      )),
    },
  ];
  return (
    <Card title={`${unit.name} ${year}年月报`}>
      <Table<MonthReport> rowKey="month" size="small" pagination={false} columns={columns} dataSource={unit.months} scroll={{ x: 720 }} />
      {editing && (
        <ReportForm
          campaignId={campaignId}
          unitId={unit.unitId}
          unitName={unit.name}
          year={year}
          month={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => { setEditing(undefined); onSaved(); }}
        />
      )}
    </Card>
  );
}

/** The office's grid: units × 12 months, with late and missing reports marked in words and colour. */
function OfficeGrid({ year, units, rule }: { year: number; units: UnitReports[]; rule: string }) {
  const count = (status: MonthReport['status']) => units.reduce((n, u) => n + u.months.filter((m) => m.status === status).length, 0);
  const columns: TableProps<UnitReports>['columns'] = [
    { title: '单位', dataIndex: 'name', width: 130, fixed: 'start' },
    ...months.map((month) => ({
      title: `${month}月`, key: `m${month}`, width: 48, align: 'center' as const,
      onHeaderCell: () => ({ style: { paddingInline: 2 } }),
      onCell: () => ({ style: { paddingInline: 2 } }),
      render: (_: unknown, u: UnitReports) => {
        const m = u.months[month - 1]!;
        const tip = `${u.name} ${month}月：${statusText[m.status].text}；期限 ${m.deadline}${m.submittedOn ? `；报送 ${m.submittedOn}` : ''}；${figuresText(m.figures)}`;
        return <Tooltip title={tip}><span data-month={month}><StatusTag month={m} compact /></span></Tooltip>;
      },
    })),
  ];
  return (
    <Card title={`${year}年各单位月报报送情况`}>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>合计：</span>
        <Tag color="green">✓ 已报 {count('onTime')}</Tag>
        <Tag color="orange">! 迟报 {count('late')}</Tag>
        <Tag color="red">✗ 未报 {count('missing')}</Tag>
        <Tag color="blue">… 待报 {count('due')}</Tag>
        <Typography.Text type="secondary">{rule}报送为按时；鼠标移到格子上可见期限、报送日期和填报数字。</Typography.Text>
      </Space>
      <Table<UnitReports>
        rowKey="unitId"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={units}
        scroll={{ x: 130 + 12 * 48 }}
        locale={{ emptyText: '本考核活动没有被考核单位' }}
      />
    </Card>
  );
}

interface PaceRow extends IndicatorPace { key: string; unitName: string }

/** Year-to-date use of each control indicator against the share of the year elapsed. */
function PaceTable({ asOf, units }: { asOf: string; units: UnitReports[] }) {
  // Breached first, then ahead of pace, then the rest, each in the units' order.
  const rank = (r: IndicatorPace) => (r.breached ? 0 : r.aheadOfPace ? 1 : 2);
  const rows: PaceRow[] = units.flatMap((u) => (u.indicators ?? []).map((i, n) => ({ ...i, key: `${u.unitId}/${n}`, unitName: u.name })))
    .map((r, order) => ({ r, order })).sort((a, b) => rank(a.r) - rank(b.r) || a.order - b.order).map(({ r }) => r);
  const warnings = rows.filter((r) => r.breached || r.aheadOfPace).length;
  return (
    <Card title={`控制指标进度（截至 ${asOf}）`}>
      {warnings > 0
        ? <Alert type="warning" showIcon title={`${warnings} 项控制指标已突破或超过全年时间进度，请关注。`} style={{ marginBottom: 12 }} />
        : rows.length > 0 && <Alert type="success" showIcon title="各项控制指标均未超过全年时间进度。" style={{ marginBottom: 12 }} />}
      <Table<PaceRow>
        rowKey="key"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 项` }}
        dataSource={rows}
        locale={{ emptyText: <Empty description="本考核活动没有下达控制指标" /> }}
        scroll={{ x: 720 }}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 150 },
          { title: '控制指标', dataIndex: 'label' },
          { title: '实际（来自事故登记）', dataIndex: 'actual', width: 150 },
          { title: '已用比例', dataIndex: 'usedBasisPoints', width: 100, render: (v: number | null) => (v == null ? '控制数为 0' : percent(v)) },
          { title: '时间进度', dataIndex: 'elapsedBasisPoints', width: 100, render: percent },
          {
            title: '提示', key: 'state', width: 130,
            render: (_: unknown, r) => (r.breached ? <Tag color="red">✗ 已突破</Tag>
              : r.aheadOfPace ? <Tag color="orange">! 超过时间进度</Tag> : <Tag color="green">✓ 正常</Tag>),
          },
        ]}
      />
    </Card>
  );
}

/** 月度指标: a liaison reports its unit's months; the office sees every unit's months and the indicators' pace. */
export function Component() {
  const me = useAccount();
  const campaigns = useRequest(() => reportApi.campaigns(), []);
  const [campaignId, setCampaignId] = useState<string>();
  useEffect(() => {
    if (!campaignId && campaigns.data) setCampaignId(defaultCampaignId(campaigns.data.items, new Date().getFullYear()));
  }, [campaigns.data, campaignId]);
  const reports = useRequest(() => (campaignId ? reportApi.list(campaignId) : Promise.resolve(undefined)), [campaignId]);
  const data = reports.data;
  const isLiaison = me.role === 'unitLiaison';
  const own = isLiaison ? data?.items.find((u) => u.unitId === me.unitId) : undefined;

  return (
    <>
      <Typography.Title level={3} className="anke-page-title">月度指标</Typography.Title>
      <Typography.Paragraph type="secondary">
        各单位每月报送上月指标{data ? `，报送期限为${ruleSummary(data)}` : ''}；事故起数、死亡和重伤由事故登记统计，不需填报。控制指标的年内实际与全年时间进度比较，超进度时提示。
      </Typography.Paragraph>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <label>
            考核活动：
            <Select aria-label="选择考核活动" style={{ width: 300 }} value={campaignId} onChange={setCampaignId} loading={campaigns.loading}
              placeholder="选择考核活动" options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </label>
        </Card>
        {(campaigns.error ?? reports.error) && <Alert type="error" showIcon title={campaigns.error ?? reports.error} />}
        {campaigns.data && campaigns.data.items.length === 0 && <Empty description="还没有考核活动" />}
        {reports.loading && !data && campaignId && <Skeleton active />}
        {data && campaignId && isLiaison && (own
          ? <UnitMonths key={campaignId} campaignId={campaignId} year={data.year} unit={own} onSaved={reports.reload} />
          : <Alert type="info" showIcon title="本单位不在该考核活动的被考核单位中。" />)}
        {data && !isLiaison && <OfficeGrid year={data.year} units={data.items} rule={ruleSummary(data)} />}
        {data && <PaceTable asOf={data.asOf ?? data.today} units={isLiaison ? (own ? [own] : []) : data.items} />}
      </Space>
    </>
  );
}
