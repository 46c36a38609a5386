import { Button, Card, Form, Result, Typography } from 'antd';
import { useState } from 'react';
import type { AccountView } from '../../../shared/schemas/account';
import { errorMessage } from '../../api/client';
import { changeOwnPassword } from './api';
import { PasswordForm } from './PasswordForm';
import type { PasswordFormValues } from './PasswordForm';

/**
 * Shown instead of the app while the account must change a password an administrator set:
 * nothing else is possible (the server refuses every other request too) except logging out.
 */
export function ForcedPasswordPage({ account, onLogOut }: { account: AccountView; onLogOut: () => void }) {
  const [form] = Form.useForm<PasswordFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      await changeOwnPassword(values);
      setDone(true);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <main className="anke-login">
      <Card className="anke-login-card">
        {done ? (
          <Result
            status="success"
            title="密码已修改"
            subTitle="请牢记新密码。"
            // Reloading picks up the account without the must-change flag.
            extra={<Button type="primary" onClick={() => window.location.assign('/')}>进入系统</Button>}
          />
        ) : (
          <>
            <Typography.Title level={3} style={{ textAlign: 'center' }}>请修改密码</Typography.Title>
            <Typography.Paragraph type="secondary">
              {account.displayName}（{account.username}），您的密码由管理员设置，请先设置只有您自己知道的新密码，然后才能使用系统。
            </Typography.Paragraph>
            <PasswordForm form={form} username={account.username} error={error} disabled={saving} />
            <Button type="primary" block loading={saving} onClick={save}>确认修改</Button>
            <Button block onClick={onLogOut} style={{ marginTop: 8 }}>退出登录</Button>
          </>
        )}
      </Card>
    </main>
  );
}
