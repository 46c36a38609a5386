import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { manageableRoles } from '../../../domain/access/account-admin';
import { roleLabels, roles } from '../../../domain/access/roles';
import type { Role } from '../../../domain/access/roles';
import type { accountListSchema, ManagedAccountView } from '../../../shared/schemas/account';
import type { organisationListSchema } from '../../../shared/schemas/organisation';
import type { unitListSchema } from '../../../shared/schemas/unit';
import { mayList } from '../../access';
import { api, errorMessage } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { AccountFormModal, ResetPasswordModal } from './AccountForm';
import { registerPagination } from '../../components/register-pagination';

type AccountList = z.infer<typeof accountListSchema>;
type OrganisationList = z.infer<typeof organisationListSchema>;
type UnitList = z.infer<typeof unitListSchema>;
type Status = 'enabled' | 'disabled';

const roleOptions = roles.map((value) => ({ value, label: roleLabels[value] }));
const statusOptions: Array<{ value: Status; label: string }> = [
  { value: 'enabled', label: '启用中' },
  { value: 'disabled', label: '已停用' },
];
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

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; account: ManagedAccountView }
  | { kind: 'reset'; account: ManagedAccountView }
  | null;

/**
 * The accounts of the reader's jurisdiction with their roles. A system administrator, and a
 * committee administrator for the roles below it, creates, edits, disables and enables
 * accounts and resets passwords (src/domain/access/account-admin.ts).
 */
export function Component() {
  const me = useAccount();
  const { message, modal } = App.useApp();
  const [role, setRole] = useState<Role | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [organisationId, setOrganisationId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [sort, setSort] = useState('username');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const accounts = useRequest(
    () => api.get<AccountList>('/api/accounts', { role, status, organisationId, q, sort, page, pageSize }),
    [role, status, organisationId, q, sort, page, pageSize],
  );
  const refs = useRequest(async () => {
    const [organisations, units] = await Promise.all([
      mayList(me, 'organisation.read') ? api.get<OrganisationList>('/api/organisations', { all: true }) : Promise.resolve({ items: [] }),
      api.get<UnitList>('/api/units', { pageSize: 200 }),
    ]);
    return {
      organisations: organisations.items.map((o) => ({ value: o.id, label: o.name })),
      units: units.items.map((u) => ({ value: u.id, label: u.name })),
      names: new Map<string, string>([
        ...organisations.items.map((o) => [o.id, o.name] as const),
        ...units.items.map((u) => [u.id, u.name] as const),
      ]),
    };
  }, [me.id]);
  const nameOf = (id: string | null) => (id == null ? '—' : refs.data?.names.get(id) ?? `编号 ${id}`);
  const manages = manageableRoles(me);
  const mayManage = (account: ManagedAccountView) => manages.includes(account.role);

  const showPassword = (title: string, account: ManagedAccountView, password: string) => {
    modal.success({
      title,
      width: 480,
      okText: '我已记下',
      content: (
        <>
          <Typography.Paragraph>
            {account.displayName}（{account.username}）的密码只显示这一次，请当面或通过可靠渠道告知本人。本人登录后须立即修改。
          </Typography.Paragraph>
          <Typography.Paragraph>
            密码：<Typography.Text code copyable={{ tooltips: ['复制', '已复制'] }}>{password}</Typography.Text>
          </Typography.Paragraph>
        </>
      ),
    });
  };

  const setDisabled = async (account: ManagedAccountView, disabled: boolean) => {
    setBusy(account.id);
    try {
      await api.post(`/api/accounts/${encodeURIComponent(account.id)}/${disabled ? 'disable' : 'enable'}`, { version: account.version });
      message.success(disabled ? `已停用 ${account.displayName}，其登录已退出` : `已启用 ${account.displayName}`);
      accounts.reload();
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableProps<ManagedAccountView>['columns'] = [
    { title: '用户名', dataIndex: 'username', width: 120, ellipsis: true },
    { title: '姓名', dataIndex: 'displayName', width: 120, ellipsis: true },
    { title: '角色', dataIndex: 'role', width: 110, render: (value: Role) => <Tag color={roleColours[value]}>{roleLabels[value]}</Tag> },
    { title: '所属组织', dataIndex: 'organisationId', ellipsis: true, render: nameOf },
    {
      title: '所属单位',
      key: 'units',
      ellipsis: true,
      render: (_: unknown, a) => (a.role === 'assessor' ? (a.assignedUnitIds.length ? a.assignedUnitIds.map(nameOf).join('、') : '—') : nameOf(a.unitId)),
    },
    {
      title: '状态',
      key: 'status',
      width: 80,
      fixed: 'end',
      render: (_: unknown, a) => (a.disabled ? <Tag>已停用</Tag> : a.mustChangePassword ? <Tag color="orange">待改密</Tag> : <Tag color="green">正常</Tag>),
    },
  ];
  if (manages.length > 0) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 180,
      // Always in view at 1024 px, where the table scrolls sideways.
      fixed: 'end',
      render: (_: unknown, a) => (mayManage(a) ? (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', account: a })}>编辑</Button>
          {a.disabled ? (
            <Button type="link" size="small" loading={busy === a.id} onClick={() => setDisabled(a, false)}>启用</Button>
          ) : a.id !== me.id && (
            <Popconfirm title={`停用 ${a.displayName}？`} description="停用后不能登录，已有的登录立即退出。" okText="停用" cancelText="取消"
              onConfirm={() => setDisabled(a, true)}>
              <Button type="link" size="small" danger loading={busy === a.id}>停用</Button>
            </Popconfirm>
          )}
          {a.id !== me.id && <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', account: a })}>重置密码</Button>}
        </Space>
      ) : null),
    });
  }

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
            <Select aria-label="按角色筛选" allowClear placeholder="全部角色" style={{ width: 140 }} options={roleOptions}
              value={role} onChange={(v: Role | undefined) => { setRole(v); setPage(1); }} />
          </label>
          <label>
            状态：
            <Select aria-label="按状态筛选" allowClear placeholder="全部" style={{ width: 110 }} options={statusOptions}
              value={status} onChange={(v: Status | undefined) => { setStatus(v); setPage(1); }} />
          </label>
          {mayList(me, 'organisation.read') && (
            <label>
              组织：
              <Select aria-label="按所属组织筛选" allowClear showSearch optionFilterProp="label" placeholder="全部组织" style={{ width: 160 }}
                options={refs.data?.organisations ?? []} value={organisationId}
                onChange={(v: string | undefined) => { setOrganisationId(v); setPage(1); }} />
            </label>
          )}
          <label>
            用户名或姓名：
            <Input.Search aria-label="按用户名或姓名搜索" allowClear placeholder="输入关键字" style={{ width: 180 }}
              onSearch={(v) => { setQ(v.trim()); setPage(1); }} />
          </label>
          <label>
            排序：
            <Select aria-label="排序方式" style={{ width: 110 }} options={sortOptions} value={sort} onChange={(v: string) => setSort(v)} />
          </label>
          {manages.length > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>新建用户</Button>
          )}
        </Space>
        {accounts.error && <Alert type="error" showIcon title={accounts.error} style={{ marginBottom: 16 }} />}
        <Table<ManagedAccountView>
          rowKey="id"
          size="middle"
          loading={accounts.loading}
          columns={columns}
          dataSource={accounts.data?.items ?? []}
          locale={{ emptyText: '没有符合条件的账户' }}
          pagination={registerPagination({ page, pageSize, total: accounts.data?.total ?? 0, unit: '个账户', setPage, setPageSize })}
          scroll={{ x: 860 }}
        />
      </Card>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <AccountFormModal
          me={me}
          account={dialog.kind === 'edit' ? dialog.account : undefined}
          organisations={refs.data?.organisations ?? []}
          units={refs.data?.units ?? []}
          onClose={() => setDialog(null)}
          onDone={({ account, initialPassword }) => {
            setDialog(null);
            accounts.reload();
            if (initialPassword) showPassword('用户已创建', account, initialPassword);
            else message.success(dialog.kind === 'create' ? `已创建用户 ${account.username}` : '已保存');
          }}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordModal
          account={dialog.account}
          onClose={() => setDialog(null)}
          onDone={({ account, temporaryPassword }) => {
            setDialog(null);
            accounts.reload();
            if (temporaryPassword) showPassword('密码已重置', account, temporaryPassword);
            else message.success(`已重置 ${account.displayName} 的密码，其登录已退出`);
          }}
        />
      )}
    </>
  );
}
