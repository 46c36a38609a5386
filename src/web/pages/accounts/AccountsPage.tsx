import { Alert, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { roleLabels, roles } from '../../../domain/access/roles';
import type { Role } from '../../../domain/access/roles';
import type { AccountView, accountListSchema } from '../../../shared/schemas/account';
import type { organisationListSchema } from '../../../shared/schemas/organisation';
import type { unitListSchema } from '../../../shared/schemas/unit';
import { mayList } from '../../access';
import { api } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';

type AccountList = z.infer<typeof accountListSchema>;
type OrganisationList = z.infer<typeof organisationListSchema>;
type UnitList = z.infer<typeof unitListSchema>;

const roleOptions = roles.map((value) => ({ value, label: roleLabels[value] }));
const roleColours: Record<Role, string> = {
  systemAdmin: 'red',
  committeeAdmin: 'blue',
  assessor: 'purple',
  unitLiaison: 'green',
  leader: 'gold',
};
const sortOptions = [
  { value: 'username', label: '用户名' },
  { value: 'displayName', label: '姓名' },
  { value: 'role', label: '角色' },
  { value: 'createdAt', label: '创建时间' },
];

/** The accounts of the reader's jurisdiction, with their roles (read-only: accounts are made with `anke user create`). */
export function Component() {
  const me = useAccount();
  const [role, setRole] = useState<Role | undefined>();
  const [q, setQ] = useState('');
  const [sort, setSort] = useState('username');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const accounts = useRequest(() => api.get<AccountList>('/api/accounts', { role, q, sort, page, pageSize }), [role, q, sort, page, pageSize]);
  const names = useRequest(async () => {
    const [organisations, units] = await Promise.all([
      mayList(me, 'organisation.read') ? api.get<OrganisationList>('/api/organisations', { all: true }) : Promise.resolve({ items: [] }),
      api.get<UnitList>('/api/units', { pageSize: 200 }),
    ]);
    return new Map<string, string>([
      ...organisations.items.map((o) => [o.id, o.name] as const),
      ...units.items.map((u) => [u.id, u.name] as const),
    ]);
  }, [me.id]);
  const nameOf = (id: string | null) => (id == null ? '—' : names.data?.get(id) ?? `编号 ${id}`);

  const columns: TableProps<AccountView>['columns'] = [
    { title: '用户名', dataIndex: 'username', width: 140 },
    { title: '姓名', dataIndex: 'displayName', width: 160 },
    { title: '角色', dataIndex: 'role', width: 130, render: (value: Role) => <Tag color={roleColours[value]}>{roleLabels[value]}</Tag> },
    { title: '所属组织', dataIndex: 'organisationId', render: nameOf },
    { title: '所属单位', dataIndex: 'unitId', render: nameOf },
  ];

  return (
    <>
      <Typography.Title level={3} className="anke-page-title">用户与角色</Typography.Title>
      <Typography.Paragraph type="secondary">
        本辖区的账户及其角色。角色决定可用的菜单与数据范围：单位联络员只见本单位，考核组成员只见分配给自己的单位，领导只读。
      </Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <label>
            角色：
            <Select aria-label="按角色筛选" allowClear placeholder="全部角色" style={{ width: 150 }} options={roleOptions}
              value={role} onChange={(v: Role | undefined) => { setRole(v); setPage(1); }} />
          </label>
          <label>
            用户名或姓名：
            <Input.Search aria-label="按用户名或姓名搜索" allowClear placeholder="输入关键字" style={{ width: 200 }}
              onSearch={(v) => { setQ(v.trim()); setPage(1); }} />
          </label>
          <label>
            排序：
            <Select aria-label="排序方式" style={{ width: 120 }} options={sortOptions} value={sort} onChange={(v: string) => setSort(v)} />
          </label>
        </Space>
        {accounts.error && <Alert type="error" showIcon title={accounts.error} style={{ marginBottom: 16 }} />}
        <Table<AccountView>
          rowKey="id"
          size="middle"
          loading={accounts.loading}
          columns={columns}
          dataSource={accounts.data?.items ?? []}
          locale={{ emptyText: '没有符合条件的账户' }}
          pagination={{
            current: page,
            pageSize,
            total: accounts.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => `共 ${total} 个账户`,
            onChange: (p, s) => { setPage(s === pageSize ? p : 1); setPageSize(s); },
          }}
          scroll={{ x: 700 }}
        />
      </Card>
    </>
  );
}
