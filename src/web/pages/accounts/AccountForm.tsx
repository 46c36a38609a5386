import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { manageableRoles } from '../../../domain/access/account-admin';
import { passwordProblem } from '../../../domain/access/password-policy';
import { roleLabels } from '../../../domain/access/roles';
import type { Role } from '../../../domain/access/roles';
import { accountCreateSchema, displayNameSchema, usernameSchema } from '../../../shared/schemas/account';
import type { AccountView, ManagedAccountView } from '../../../shared/schemas/account';
import { api, errorMessage } from '../../api/client';
import { zodRule } from '../../components/zod-rule';

export interface Option {
  value: string;
  label: string;
}

interface AccountFormValues {
  username: string;
  displayName: string;
  role: Role;
  organisationId: string;
  unitId?: string;
  assignedUnitIds?: string[];
  password?: string;
}

/**
 * 新建用户 / 编辑 in one modal. The role decides which unit fields appear: a liaison's one
 * unit, an assessor's units. Fields are validated with the server's schemas.
 */
export function AccountFormModal({ me, account, organisations, units, onDone, onClose }: {
  me: AccountView;
  /** The account being edited; absent when creating one. */
  account?: ManagedAccountView;
  organisations: Option[];
  units: Option[];
  onDone: (result: { account: ManagedAccountView; initialPassword?: string | null }) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<AccountFormValues>();
  const role = Form.useWatch('role', form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const creating = !account;
  const roleOptions = manageableRoles(me).map((value) => ({ value, label: roleLabels[value] }));

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    const unitId = values.role === 'unitLiaison' ? values.unitId ?? null : null;
    const assignedUnitIds = values.role === 'assessor' ? values.assignedUnitIds ?? [] : [];
    try {
      if (creating) {
        const result = await api.post<{ account: ManagedAccountView; initialPassword: string | null }>('/api/accounts', {
          username: values.username, displayName: values.displayName, role: values.role, organisationId: values.organisationId,
          unitId, assignedUnitIds, ...(values.password ? { password: values.password } : {}),
        });
        onDone(result);
      } else {
        const result = await api.patch<ManagedAccountView>(`/api/accounts/${encodeURIComponent(account.id)}`, {
          version: account.version, displayName: values.displayName, role: values.role, organisationId: values.organisationId,
          unitId, assignedUnitIds,
        });
        onDone({ account: result });
      }
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={creating ? '新建用户' : `编辑用户：${account.username}`}
      okText={creating ? '创建' : '保存'}
      cancelText="取消"
      onOk={save}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
    >
      <Form<AccountFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={saving}
        initialValues={account ? {
          username: account.username, displayName: account.displayName, role: account.role, organisationId: account.organisationId,
          unitId: account.unitId ?? undefined, assignedUnitIds: account.assignedUnitIds,
        } : { role: roleOptions.find((r) => r.value === 'unitLiaison')?.value }}
      >
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Form.Item label="用户名" name="username" rules={creating ? [zodRule(usernameSchema, '请输入用户名')] : []}
          extra={creating ? '用于登录，3–64 个字母、数字或 _ . -，创建后不能修改。' : undefined}>
          <Input disabled={!creating} autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[zodRule(displayNameSchema, '请输入姓名')]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={roleOptions} placeholder="请选择角色" />
        </Form.Item>
        <Form.Item label="所属组织" name="organisationId" rules={[zodRule(accountCreateSchema.shape.organisationId, '请选择所属组织')]}>
          <Select options={organisations} showSearch optionFilterProp="label" placeholder="请选择所属组织" />
        </Form.Item>
        {role === 'unitLiaison' && (
          <Form.Item label="所属被考核单位" name="unitId" rules={[{ required: true, message: '单位联络员必须指定所属被考核单位' }]}>
            <Select options={units} showSearch optionFilterProp="label" placeholder="请选择被考核单位" />
          </Form.Item>
        )}
        {role === 'assessor' && (
          <Form.Item label="负责考核的单位" name="assignedUnitIds">
            <Select mode="multiple" options={units} optionFilterProp="label" placeholder="请选择被考核单位" />
          </Form.Item>
        )}
        {creating && (
          <Form.Item
            label="初始密码"
            name="password"
            extra="留空则由系统生成，创建后只显示一次。用户首次登录须修改密码。"
            rules={[({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                const problem = value ? passwordProblem(value, getFieldValue('username') ?? '') : null;
                if (problem) throw new Error(problem);
              },
            })]}
          >
            <Input.Password autoComplete="new-password" placeholder="留空则由系统生成" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Sets a new password for someone else: a chosen one or a generated one shown once. */
export function ResetPasswordModal({ account, onDone, onClose }: {
  account: ManagedAccountView;
  onDone: (result: { account: ManagedAccountView; temporaryPassword: string | null }) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ password?: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      onDone(await api.post(`/api/accounts/${encodeURIComponent(account.id)}/reset-password`, {
        version: account.version, ...(values.password ? { password: values.password } : {}),
      }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={`重置密码：${account.displayName}（${account.username}）`} okText="重置" cancelText="取消"
      onOk={save} onCancel={onClose} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false} disabled={saving}>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Alert type="info" showIcon style={{ marginBottom: 16 }}
          title="重置后该用户的所有登录立即退出，下次登录时须先修改密码。" />
        <Form.Item label="新的临时密码" name="password" extra="留空则由系统生成，只显示一次。"
          rules={[{
            validator: async (_rule, value: string | undefined) => {
              const problem = value ? passwordProblem(value, account.username) : null;
              if (problem) throw new Error(problem);
            },
          }]}>
          <Input.Password autoComplete="new-password" placeholder="留空则由系统生成" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
