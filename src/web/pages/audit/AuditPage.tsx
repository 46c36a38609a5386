import { Alert, Card, DatePicker, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import { roleLabels, isRole } from '../../../domain/access/roles';
import { campaignTransitions } from '../../../domain/workflow/campaign-state';
import { graceDaysText } from '../../../domain/workflow/monthly-report';
import type { AccountView } from '../../../shared/schemas/account';
import type { auditListSchema } from '../../../shared/schemas/audit';
import type { campaignListSchema } from '../../../shared/schemas/campaign';
import type { organisationListSchema } from '../../../shared/schemas/organisation';
import type { UnitContacts, unitListSchema } from '../../../shared/schemas/unit';
import { unitCategoryLabels, unitCategorySchema } from '../../../shared/schemas/unit';
import { mayList } from '../../access';
import { api } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { auditActionLabel, auditActionLabels, auditFieldLabels, entityTypeLabels, labelOr, sectorLabel } from '../../labels';
import { useAccount } from '../../session/session';
import { registerPagination } from '../../components/register-pagination';

type AuditList = z.infer<typeof auditListSchema>;
type CampaignList = z.infer<typeof campaignListSchema>;
type UnitList = z.infer<typeof unitListSchema>;
type OrganisationList = z.infer<typeof organisationListSchema>;
type AuditRecord = AuditList['items'][number];
type Names = ReadonlyMap<string, string>;

/**
 * Names for the ids the records carry: accounts from their own creation records (there is
 * no account list yet), units and organisations from their lists. All within the reader's
 * jurisdiction, as the records are.
 */
function useNames(account: AccountView, mayReadOrganisations: boolean) {
  return useRequest(async () => {
    const [created, units, organisations, campaigns] = await Promise.all([
      api.get<AuditList>('/api/audit', { action: 'account.create', pageSize: 200 }),
      api.get<UnitList>('/api/units', { pageSize: 200 }),
      mayReadOrganisations ? api.get<OrganisationList>('/api/organisations', { all: true }) : Promise.resolve({ items: [] }),
      api.get<CampaignList>('/api/campaigns').catch(() => ({ items: [] })),
    ]);
    const names = new Map<string, string>();
    for (const o of organisations.items) names.set(o.id, o.name);
    for (const u of units.items) names.set(u.id, u.name);
    for (const c of campaigns.items) names.set(c.id, c.name);
    for (const r of created.items) {
      const after = r.after as { displayName?: unknown } | null;
      if (typeof after?.displayName === 'string') names.set(r.entityId, after.displayName);
    }
    names.set(account.id, `${account.displayName}（本人）`);
    return names as Names;
  }, [account.id, mayReadOrganisations]);
}

const idFields = new Set(['organisationId', 'unitId', 'parentId', 'areaOrganisationId', 'assignedUnitIds']);

const entityOptions = Object.entries(entityTypeLabels).map(([value, label]) => ({ value, label }));
const actionOptions = [
  ...Object.entries(auditActionLabels).map(([value, label]) => ({ value, label })),
  ...Object.entries(campaignTransitions).map(([action, rule]) => ({ value: `campaign.${action}`, label: rule.label })),
];

/** A unit's people (单位与组织) in one line. */
function contactsText(c: UnitContacts): string {
  const person = (label: string, p: { name: string; post?: string | undefined } | undefined) => p && `${label} ${p.name}${p.post ? `（${p.post}）` : ''}`;
  const parts = [
    person('主要负责人', c.principal), person('分管负责人', c.deputy),
    c.contact && `联系人 ${[c.contact.name, c.contact.phone].filter(Boolean).join(' ')}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('；') : '未登记';
}

/** A recorded value in words: codes that have labels are shown by their label. */
function showValue(key: string, value: unknown, names: Names): string {
  if (value === null || value === undefined) return '空';
  if (idFields.has(key) && typeof value === 'string') return names.get(value) ?? `编号 ${value}`;
  if (key === 'category' && unitCategorySchema.safeParse(value).success) return unitCategoryLabels[value as keyof typeof unitCategoryLabels];
  if (key === 'role' && typeof value === 'string' && isRole(value)) return roleLabels[value];
  if (key === 'monthlyReportGraceDays' && typeof value === 'number') return graceDaysText(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return dayjs(value).format('YYYY-MM-DD HH:mm:ss');
  if (key === 'sectors' && Array.isArray(value)) return value.length === 0 ? '无' : value.map((v) => sectorLabel(String(v))).join('、');
  if (Array.isArray(value)) return value.length === 0 ? '无' : value.map((v) => showValue(idFields.has(key) ? key : '', v, names)).join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'contacts' && typeof value === 'object') return contactsText(value as UnitContacts);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function Changes({ record, names }: { record: AuditRecord; names: Names }) {
  const before = (record.before ?? {}) as Record<string, unknown>;
  const after = (record.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (keys.length === 0) return <Typography.Text type="secondary">此操作没有记录字段变化。</Typography.Text>;
  return (
    <Descriptions size="small" bordered column={1}>
      {keys.map((key) => (
        <Descriptions.Item key={key} label={labelOr(auditFieldLabels, key, `其他字段（${key}）`)}>
          {record.before != null && <span style={{ marginRight: 24 }}>变更前：{showValue(key, before[key], names)}</span>}
          {record.after != null && <span>变更后：{showValue(key, after[key], names)}</span>}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** What a record is about, in words. */
function entityName(record: AuditRecord, names: Names): string {
  const after = (record.after ?? record.before ?? {}) as Record<string, unknown>;
  const fallback = `编号 ${record.entityId}`;
  switch (record.entityType) {
    case 'stored_file':
      return typeof after.fileName === 'string' ? after.fileName : typeof after.name === 'string' ? after.name : fallback;
    case 'campaign_unit': {
      // `<campaign id>/<unit id>`
      const [campaign = '', unit = ''] = record.entityId.split('/');
      return `${names.get(campaign) ?? '考核活动'} · ${names.get(unit) ?? fallback}`;
    }
    case 'accident':
      return typeof after.place === 'string' ? `${typeof after.occurredAt === 'string' ? `${after.occurredAt} ` : ''}${after.place}` : fallback;
    case 'objection':
      return names.get(record.entityId) ?? '申诉';
    default:
      return names.get(record.entityId) ?? fallback;
  }
}

export function Component() {
  const account = useAccount();
  const [entityType, setEntityType] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const from = range?.[0]?.startOf('day').toISOString();
  const to = range?.[1]?.add(1, 'day').startOf('day').toISOString();
  const { data, loading, error } = useRequest(
    () => api.get<AuditList>('/api/audit', { entityType, action, from, to, page, pageSize, order: 'desc' }),
    [entityType, action, from, to, page, pageSize],
  );

  const names = useNames(account, mayList(account, 'organisation.read')).data ?? new Map<string, string>();
  const nameOf = (id: string) => names.get(id) ?? `编号 ${id}`;
  const actorName = (id: string | null) => (id === null ? '系统' : nameOf(id));

  const columns: TableProps<AuditRecord>['columns'] = [
    { title: '序号', dataIndex: 'seq', width: 80 },
    { title: '时间', dataIndex: 'at', width: 170, render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss') },
    { title: '操作', dataIndex: 'action', width: 150, render: (value: string) => auditActionLabel(value) },
    {
      title: '对象',
      dataIndex: 'entityType',
      render: (value: string, record) => (
        <span><Tag>{labelOr(entityTypeLabels, value, '其他对象')}</Tag>{entityName(record, names)}</span>
      ),
    },
    { title: '操作人', dataIndex: 'actorId', width: 180, render: actorName },
  ];

  return (
    <>
      <Typography.Title level={3} className="anke-page-title">审计日志</Typography.Title>
      <Typography.Paragraph type="secondary">
        每一次状态变更都记录在案；记录只增不改，前后以哈希链相连，任何改动或删除都能被校验发现。
      </Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <label>
            对象类型：
            <Select aria-label="按对象类型筛选" allowClear placeholder="全部" style={{ width: 150 }} options={entityOptions}
              value={entityType} onChange={(v: string | undefined) => { setEntityType(v); setPage(1); }} />
          </label>
          <label>
            操作：
            <Select aria-label="按操作筛选" allowClear placeholder="全部" style={{ width: 170 }} options={actionOptions}
              value={action} onChange={(v: string | undefined) => { setAction(v); setPage(1); }} />
          </label>
          <label>
            日期：
            <DatePicker.RangePicker aria-label="按日期筛选" value={range} onChange={(v) => { setRange(v); setPage(1); }} />
          </label>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table<AuditRecord>
          rowKey="seq"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          locale={{ emptyText: '没有符合条件的记录' }}
          expandable={{ expandedRowRender: (record) => <Changes record={record} names={names} /> }}
          pagination={registerPagination({ page, pageSize, total: data?.total ?? 0, totalCapped: data?.totalCapped, unit: '条', setPage, setPageSize })}
          scroll={{ x: 760 }}
        />
      </Card>
    </>
  );
}
