import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { changeOwnPassword } from './api';
import { PasswordForm } from './PasswordForm';
import type { PasswordFormValues } from './PasswordForm';

/** 修改密码 from the header: this session continues, the account's other sessions end. */
export function ChangePasswordModal({ username, onClose }: { username: string; onClose: () => void }) {
  const [form] = Form.useForm<PasswordFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      await changeOwnPassword(values);
      message.success('密码已修改。您在其他设备上的登录已退出。');
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title="修改密码" okText="确认修改" cancelText="取消" onOk={save} onCancel={onClose} confirmLoading={saving} destroyOnHidden>
      <PasswordForm form={form} username={username} error={error} disabled={saving} />
    </Modal>
  );
}
