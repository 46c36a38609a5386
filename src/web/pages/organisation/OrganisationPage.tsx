import { Alert, Button, Card, Col, Descriptions, Empty, Input, Row, Select, Skeleton, Space, Table, Tag, Tree, Typography } from 'antd';
import type { TableProps, TreeDataNode } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import type { organisationListSchema, OrganisationView } from '../../../shared/schemas/organisation';
import { unitCategoryLabels, unitCategorySchema } from '../../../shared/schemas/unit';
import type { unitListSchema, UnitView } from '../../../shared/schemas/unit';
import { mayList } from '../../access';
import { api } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { organisationKindLabels, sectorLabel } from '../../labels';
import { useAccount } from '../../session/session';
import { registerPagination } from '../../components/register-pagination';
import { EditUnit } from './EditUnit';

type OrganisationList = z.infer<typeof organisationListSchema>;
type UnitList = z.infer<typeof unitListSchema>;
type Category = UnitView['category'];

const categoryOptions = unitCategorySchema.options.map((value) => ({ value, label: unitCategoryLabels[value] }));
const categoryColours: Record<Category, string> = { territorial: 'green', department: 'blue', stationed: 'purple' };

function toTree(items: readonly OrganisationView[]): TreeDataNode[] {
  const children = new Map<string | null, OrganisationView[]>();
  const ids = new Set(items.map((o) => o.id));
  for (const o of items) {
    // A jurisdiction's top node has a parent outside what the actor may see.
    const parent = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const build = (parent: string | null): TreeDataNode[] => (children.get(parent) ?? []).map((o) => ({
    key: o.id,
    title: <span>{o.name} <Typography.Text type="secondary">{organisationKindLabels[o.kind]}</Typography.Text></span>,
    children: build(o.id),
  }));
  return build(null);
}

function OrganisationTree() {
  const { data, loading, error } = useRequest(() => api.get<OrganisationList>('/api/organisations', { all: true }), []);
  const [selected, setSelected] = useState<string | null>(null);
  const tree = useMemo(() => toTree(data?.items ?? []), [data]);
  const chosen = data?.items.find((o) => o.id === selected);
  const parent = chosen?.parentId ? data?.items.find((o) => o.id === chosen.parentId) : undefined;
  return (
    <Card title="组织树">
      {error && <Alert type="error" showIcon title={error} />}
      {loading && !data && <Skeleton active />}
      {data && (tree.length === 0 ? <Empty description="暂无组织" /> : (
        <Tree
          aria-label="组织树"
          treeData={tree}
          defaultExpandAll
          selectedKeys={selected ? [selected] : []}
          onSelect={(keys) => setSelected((keys[0] as string | undefined) ?? null)}
        />
      ))}
      {chosen && (
        <Descriptions size="small" column={1} bordered style={{ marginTop: 16 }} title="所选组织">
          <Descriptions.Item label="名称">{chosen.name}</Descriptions.Item>
          <Descriptions.Item label="层级">{organisationKindLabels[chosen.kind]}</Descriptions.Item>
          <Descriptions.Item label="上级">{parent?.name ?? '无'}</Descriptions.Item>
          <Descriptions.Item label="行政区划代码">{chosen.divisionCode ?? '未登记'}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

/** 主要负责人 with the post, then the contact and the phone; what is not kept reads 未登记. */
function PeopleCell({ contacts }: { contacts: UnitView['contacts'] }) {
  const { principal, contact } = contacts;
  if (!principal && !contact) return <Typography.Text type="secondary">未登记</Typography.Text>;
  return (
    <>
      {principal && <div>{principal.name}{principal.post && <Typography.Text type="secondary">（{principal.post}）</Typography.Text>}</div>}
      {contact && <div><Typography.Text type="secondary">联系人 </Typography.Text>{contact.name ?? ''}{contact.phone && <> <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{contact.phone}</Typography.Text></>}</div>}
    </>
  );
}

function Units() {
  const account = useAccount();
  const mayEdit = mayList(account, 'unit.update');
  const [category, setCategory] = useState<Category | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<UnitView | null>(null);
  const { data, loading, error, reload } = useRequest(
    () => api.get<UnitList>('/api/units', { category, q, page, pageSize }),
    [category, q, page, pageSize],
  );

  const columns: TableProps<UnitView>['columns'] = [
    { title: '排序号', dataIndex: 'sortOrder', width: 80 },
    { title: '单位名称', dataIndex: 'name', width: 160 },
    {
      title: '类别',
      dataIndex: 'category',
      width: 80,
      render: (value: Category) => <Tag color={categoryColours[value]}>{unitCategoryLabels[value]}</Tag>,
    },
    { title: '监管行业领域', dataIndex: 'sectors', render: (value: string[]) => (value.length > 0 ? value.map(sectorLabel).join('、') : '—') },
    {
      title: '负责人与联系人',
      key: 'people',
      width: 180,
      render: (_: unknown, unit: UnitView) => <PeopleCell contacts={unit.contacts} />,
    },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, responsive: ['xxl'], render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm') },
    ...(mayEdit ? [{
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_: unknown, unit: UnitView) => <Button type="link" onClick={() => setEditing(unit)} aria-label={`编辑${unit.name}`}>编辑</Button>,
    }] : []),
  ];

  return (
    <Card title="被考核单位">
      <Space wrap style={{ marginBottom: 16 }}>
        <label>
          类别：
          <Select
            aria-label="按类别筛选"
            allowClear
            placeholder="全部类别"
            style={{ width: 140 }}
            value={category}
            options={categoryOptions}
            onChange={(value: Category | undefined) => { setCategory(value); setPage(1); }}
          />
        </label>
        <label>
          名称：
          <Input.Search
            aria-label="按名称搜索"
            placeholder="输入单位名称"
            allowClear
            style={{ width: 220 }}
            onSearch={(value) => { setQ(value.trim()); setPage(1); }}
          />
        </label>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<UnitView>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '没有符合条件的单位' }}
        pagination={registerPagination({ page, pageSize, total: data?.total ?? 0, unit: '个单位', setPage, setPageSize })}
        scroll={{ x: 760 }}
      />
      {editing && <EditUnit unit={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />}
    </Card>
  );
}

export function Component() {
  const account = useAccount();
  const seesTree = mayList(account, 'organisation.read');
  return (
    <>
      <Typography.Title level={3} className="anke-page-title">单位与组织</Typography.Title>
      <Row gutter={[16, 16]}>
        {seesTree && <Col xs={24} xl={7}><OrganisationTree /></Col>}
        <Col xs={24} xl={seesTree ? 17 : 24}><Units /></Col>
      </Row>
    </>
  );
}
