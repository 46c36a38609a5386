import { Alert, Card, Col, Empty, List, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { roleLabels } from '../../../domain/access/roles';
import type { auditListSchema } from '../../../shared/schemas/audit';
import type { campaignListSchema } from '../../../shared/schemas/campaign';
import type { organisationListSchema } from '../../../shared/schemas/organisation';
import type { campaignResultsSchema } from '../../../shared/schemas/result';
import { unitCategoryLabels, unitCategorySchema } from '../../../shared/schemas/unit';
import type { unitListSchema } from '../../../shared/schemas/unit';
import { mayList } from '../../access';
import { api } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { EChart } from '../../components/EChart';
import { auditActionLabel, entityTypeLabels, labelOr, organisationKindLabels, sectorLabel } from '../../labels';
import { useAccount } from '../../session/session';
import { stateColours } from '../campaigns/state';

type UnitList = z.infer<typeof unitListSchema>;
type AuditList = z.infer<typeof auditListSchema>;
type OrganisationList = z.infer<typeof organisationListSchema>;
type CampaignList = z.infer<typeof campaignListSchema>;
type CampaignResults = z.infer<typeof campaignResultsSchema>;

const categories = unitCategorySchema.options;

/** Units by category: the totals the server counts, one request per category. */
function useUnitCounts(enabled: boolean) {
  return useRequest(async () => {
    if (!enabled) return null;
    const lists = await Promise.all(categories.map((category) => api.get<UnitList>('/api/units', { category, pageSize: 1 })));
    return categories.map((category, i) => ({ category, label: unitCategoryLabels[category], total: lists[i]!.total }));
  }, [enabled]);
}

function UnitsByCategory() {
  const { data, loading, error } = useUnitCounts(true);
  const option = useMemo(() => ({
    tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie',
      radius: ['40%', '68%'],
      label: { formatter: '{b}\n{c} 个' },
      data: (data ?? []).map((row) => ({ name: row.label, value: row.total })),
    }],
  }), [data]);
  const total = data?.reduce((sum, row) => sum + row.total, 0) ?? 0;
  return (
    <Card title="被考核单位（按类别）" extra={<Link to="/organisation">查看单位</Link>}>
      {error && <Alert type="error" showIcon title={error} />}
      {loading && !data && <Skeleton active />}
      {data && (total === 0 ? <Empty description="暂无被考核单位" /> : (
        <>
          <Row gutter={16}>
            {data.map((row) => (
              <Col span={8} key={row.category}><Statistic title={row.label} value={row.total} suffix="个" /></Col>
            ))}
          </Row>
          <EChart label={`被考核单位按类别：${data.map((r) => `${r.label}${r.total}个`).join('，')}`} option={option} height={260} />
        </>
      ))}
    </Card>
  );
}

function OrganisationSummary() {
  const { data, loading, error } = useRequest(() => api.get<OrganisationList>('/api/organisations', { all: true }), []);
  const counts = useMemo(() => {
    const byKind = new Map<string, number>();
    for (const o of data?.items ?? []) byKind.set(o.kind, (byKind.get(o.kind) ?? 0) + 1);
    return (Object.keys(organisationKindLabels) as (keyof typeof organisationKindLabels)[])
      .filter((kind) => byKind.has(kind))
      .map((kind) => ({ kind, label: organisationKindLabels[kind], count: byKind.get(kind)! }));
  }, [data]);
  return (
    <Card title="组织机构">
      {error && <Alert type="error" showIcon title={error} />}
      {loading && !data && <Skeleton active />}
      {data && (
        <Row gutter={[16, 16]}>
          {counts.map((row) => <Col span={12} key={row.kind}><Statistic title={row.label} value={row.count} suffix="个" /></Col>)}
        </Row>
      )}
    </Card>
  );
}

function RecentAudit() {
  const { data, loading, error } = useRequest(() => api.get<AuditList>('/api/audit', { pageSize: 8, order: 'desc' }), []);
  return (
    <Card title="最近操作" extra={<Link to="/audit">全部审计日志</Link>}>
      {error && <Alert type="error" showIcon title={error} />}
      {loading && !data && <Skeleton active />}
      {data && (
        <List
          size="small"
          dataSource={data.items}
          locale={{ emptyText: '暂无记录' }}
          renderItem={(item) => (
            <List.Item>
              <span>
                <Tag>{labelOr(entityTypeLabels, item.entityType, '其他对象')}</Tag>
                {auditActionLabel(item.action)}
              </span>
              <Typography.Text type="secondary">{dayjs(item.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

const publishedStates = new Set(['publicity', 'published']);

/** Campaigns and their state; the score distribution of the latest one with results made public. */
function Campaigns() {
  const { data, loading, error } = useRequest(async () => {
    const { items } = await api.get<CampaignList>('/api/campaigns');
    const latest = [...items].filter((c) => publishedStates.has(c.state)).sort((a, b) => b.year - a.year)[0];
    const results = latest ? await api.get<CampaignResults>(`/api/campaigns/${encodeURIComponent(latest.id)}/results`) : null;
    return { items, latest, results };
  }, []);
  const option = useMemo(() => {
    const rows = data?.results?.rows ?? [];
    const bands = [
      { label: '95分及以上', test: (s: number) => s >= 95 },
      { label: '90–94.99分', test: (s: number) => s >= 90 && s < 95 },
      { label: '85–89.99分', test: (s: number) => s >= 85 && s < 90 },
      { label: '85分以下', test: (s: number) => s < 85 },
    ];
    const categoryNames = [...new Set(rows.map((r) => r.category))];
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: [...bands.map((b) => b.label), '一票否决'] },
      yAxis: { type: 'value', minInterval: 1, name: '单位数' },
      series: categoryNames.map((category) => {
        const inCategory = rows.filter((r) => r.category === category);
        return {
          name: category,
          type: 'bar',
          stack: 'units',
          data: [
            ...bands.map((b) => inCategory.filter((r) => r.score != null && !r.vetoed && b.test(r.score)).length),
            inCategory.filter((r) => r.vetoed).length,
          ],
        };
      }),
    };
  }, [data]);
  return (
    <Card title="考核活动" extra={<Link to="/campaigns">全部考核活动</Link>}>
      {error && <Alert type="error" showIcon title={error} />}
      {loading && !data && <Skeleton active />}
      {data && (data.items.length === 0 ? <Empty description="暂无考核活动" /> : (
        <>
          <List
            size="small"
            dataSource={data.items}
            renderItem={(c) => (
              <List.Item extra={<Tag color={stateColours[c.state]}>{c.stateLabel}</Tag>}>
                <Link to={`/campaigns/${encodeURIComponent(c.id)}`}>{c.name}</Link>
              </List.Item>
            )}
          />
          {data.latest && data.results && data.results.rows.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {data.latest.name}：得分分布（参评 {data.results.stats.assessed} 个，合格率 {data.results.stats.passRatePercent}%）
              </Typography.Title>
              <EChart label={`${data.latest.name}得分分布`} option={option} height={280} />
            </>
          )}
        </>
      ))}
    </Card>
  );
}

function OwnUnit({ unitId }: { unitId: string }) {
  const { data, loading, error } = useRequest(() => api.get<UnitList['items'][number]>(`/api/units/${encodeURIComponent(unitId)}`), [unitId]);
  return (
    <Card title="本单位">
      {error && <Alert type="error" showIcon title={error} />}
      {loading && !data && <Skeleton active />}
      {data && (
        <>
          <Typography.Title level={4}>{data.name}</Typography.Title>
          <p>类别：{unitCategoryLabels[data.category]}</p>
          <p>监管行业领域：{data.sectors.length > 0 ? data.sectors.map(sectorLabel).join('、') : '无'}</p>
        </>
      )}
    </Card>
  );
}

export function Component() {
  const account = useAccount();
  const seesUnits = mayList(account, 'unit.read') && account.role !== 'unitLiaison';
  return (
    <>
      <Typography.Title level={3} className="anke-page-title">首页</Typography.Title>
      <Typography.Paragraph type="secondary">
        {account.displayName}，您好。当前角色：{roleLabels[account.role]}。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {account.role === 'unitLiaison' && account.unitId && <Col xs={24} lg={12}><OwnUnit unitId={account.unitId} /></Col>}
        {seesUnits && <Col xs={24} lg={14}><UnitsByCategory /></Col>}
        {mayList(account, 'organisation.read') && <Col xs={24} lg={10}><OrganisationSummary /></Col>}
        {mayList(account, 'campaign.read') && <Col xs={24} xl={14}><Campaigns /></Col>}
        {mayList(account, 'audit.read') && <Col xs={24} xl={10}><RecentAudit /></Col>}
      </Row>
    </>
  );
}
