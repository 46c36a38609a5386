import { Alert, Card, Col, Empty, List, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { auditListSchema } from '../../../shared/schemas/audit';
import type { organisationListSchema } from '../../../shared/schemas/organisation';
import { unitCategoryLabels, unitCategorySchema } from '../../../shared/schemas/unit';
import type { unitListSchema } from '../../../shared/schemas/unit';
import { api } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { EChart } from '../../components/LazyEChart';
import { auditActionLabel, entityTypeLabels, labelOr, organisationKindLabels, sectorLabel } from '../../labels';

type UnitList = z.infer<typeof unitListSchema>;
type AuditList = z.infer<typeof auditListSchema>;
type OrganisationList = z.infer<typeof organisationListSchema>;

const categories = unitCategorySchema.options;

/** Units by category: the totals the server counts, one request per category. */
function useUnitCounts(enabled: boolean) {
  return useRequest(async () => {
    if (!enabled) return null;
    const lists = await Promise.all(categories.map((category) => api.get<UnitList>('/api/units', { category, pageSize: 1 })));
    return categories.map((category, i) => ({ category, label: unitCategoryLabels[category], total: lists[i]!.total }));
  }, [enabled]);
}

export function UnitsByCategory() {
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

export function OrganisationSummary() {
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

export function RecentAudit() {
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

export function OwnUnit({ unitId }: { unitId: string }) {
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

