import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Layout, Menu, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { roleLabels } from '../../domain/access/roles';
import { errorMessage } from '../api/client';
import { useSession } from '../session/session';
import { LazyResult } from './LazyResult';
import { menuEntries, navItemFor, navItems } from './nav';

const { Header, Sider, Content } = Layout;

// The password forms (antd Form and the shared schemas) load only when they are needed, so the
// first page of every visit stays light (bench:web).
const ChangePasswordModal = lazy(async () => ({ default: (await import('../pages/password/ChangePasswordModal')).ChangePasswordModal }));
const ForcedPasswordPage = lazy(async () => ({ default: (await import('../pages/password/ForcedPasswordPage')).ForcedPasswordPage }));
const loading = <div className="anke-center"><Spin size="large" description="正在加载……" /></div>;

/** The signed-in frame: the menu of what this role may use, the user, and the page. */
export function AppLayout() {
  const { account, logOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [changingPassword, setChangingPassword] = useState(false);

  if (account === undefined) {
    return loading;
  }
  if (account === null) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`} replace />;
  }

  const onLogOut = () => {
    logOut().catch((error: unknown) => message.error(errorMessage(error)));
  };
  // A password an administrator set must be replaced before anything else.
  if (account.mustChangePassword) return <Suspense fallback={loading}><ForcedPasswordPage account={account} onLogOut={onLogOut} /></Suspense>;

  const visible = navItems.filter((item) => item.allowed(account));
  const current = navItemFor(location.pathname);
  const permitted = !current || current.allowed(account);

  return (
    <Layout className="anke-shell">
      <Sider width={200} theme="dark" aria-label="主菜单" className="anke-noprint">
        <div className="anke-brand">安考</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={current ? [current.path] : []}
          items={menuEntries(visible)}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        <Header className="anke-header">
          <Typography.Text strong className="anke-title">安全生产目标管理考核平台</Typography.Text>
          <Space size="middle">
            <Dropdown
              trigger={['click']}
              menu={{
                items: [{ key: 'password', icon: <KeyOutlined />, label: '修改密码' }],
                onClick: ({ key }) => { if (key === 'password') setChangingPassword(true); },
              }}
            >
              <Button type="text" aria-label="用户菜单">
                <UserOutlined /> {account.displayName}（{roleLabels[account.role]}）<DownOutlined />
              </Button>
            </Dropdown>
            <Button icon={<LogoutOutlined />} onClick={onLogOut}>退出登录</Button>
          </Space>
        </Header>
        {changingPassword && <Suspense><ChangePasswordModal username={account.username} onClose={() => setChangingPassword(false)} /></Suspense>}
        <Content className="anke-content">
          {permitted ? <Outlet /> : <LazyResult status="403" title="无权访问" subTitle="您的角色不能使用此页面。" />}
        </Content>
      </Layout>
    </Layout>
  );
}
