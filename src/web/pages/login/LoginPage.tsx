import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { loginBodySchema } from '../../../shared/schemas/account';
import { ApiError, errorMessage } from '../../api/client';
import { zodRule } from '../../components/zod-rule';
import { useSession } from '../../session/session';

interface LoginForm {
  username: string;
  password: string;
}

/** Where to go after logging in: only a path inside this app. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** The heading above the server's message: lockout (with how long, in the message) and a disabled account get their own. */
function titleOf(failure: unknown): string {
  if (failure instanceof ApiError && failure.code === 'account_locked') return '账户已锁定';
  if (failure instanceof ApiError && failure.status === 403) return '账户已停用';
  return '登录失败';
}

export function Component() {
  const { account, notice, logIn } = useSession();
  const [params] = useSearchParams();
  const [error, setError] = useState<{ message: string; title: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (account) return <Navigate to={safeNext(params.get('next'))} replace />;

  const onFinish = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      await logIn(values.username, values.password);
    } catch (failure) {
      setError({ message: errorMessage(failure), title: titleOf(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="anke-login">
      <Card className="anke-login-card">
        <Typography.Title level={3} style={{ textAlign: 'center' }}>安考</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>安全生产目标管理考核平台</Typography.Paragraph>
        {notice && !error && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} role="alert" />}
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error.title}
            description={error.message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
          <Form.Item label="用户名" name="username" rules={[zodRule(loginBodySchema.shape.username, '请输入用户名')]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[zodRule(loginBodySchema.shape.password, '请输入密码')]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>登录</Button>
        </Form>
      </Card>
    </main>
  );
}
