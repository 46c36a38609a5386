import { Result } from 'antd';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/AppLayout';

function NotFound() {
  return <Result status="404" title="页面不存在" subTitle="请从左侧菜单进入需要的页面。" />;
}

// Each page is its own chunk, loaded when first visited.
export const router = createBrowserRouter([
  { path: '/login', lazy: () => import('./pages/login/LoginPage') },
  {
    path: '/',
    Component: AppLayout,
    children: [
      { index: true, lazy: () => import('./pages/home/HomePage') },
      { path: 'organisation', lazy: () => import('./pages/organisation/OrganisationPage') },
      { path: 'campaigns', lazy: () => import('./pages/campaigns/CampaignListPage') },
      { path: 'campaigns/:id', lazy: () => import('./pages/campaigns/CampaignDetailPage') },
      { path: 'campaigns/:id/results', lazy: () => import('./pages/campaigns/ResultsPage') },
      { path: 'campaigns/:id/self-assessment/:unitId', lazy: () => import('./pages/assessment/SelfAssessmentPage') },
      { path: 'campaigns/:id/scoring', lazy: () => import('./pages/assessment/ScoringListPage') },
      { path: 'campaigns/:id/scoring/:unitId', lazy: () => import('./pages/assessment/ScoringPage') },
      { path: 'self-assessment', lazy: async () => ({ Component: (await import('./pages/assessment/CurrentCampaign')).SelfAssessmentEntry }) },
      { path: 'scoring', lazy: async () => ({ Component: (await import('./pages/assessment/CurrentCampaign')).ScoringEntry }) },
      { path: 'campaigns/:id/approval', lazy: () => import('./pages/campaigns/approval/ApprovalPage') },
      { path: 'campaigns/:id/agreements', lazy: () => import('./pages/agreements/AgreementsPage') },
      { path: 'agreements', lazy: () => import('./pages/agreements/AgreementsEntry') },
      { path: 'accidents', lazy: () => import('./pages/accidents/AccidentsPage') },
      { path: 'monthly-reports', lazy: () => import('./pages/monthly-reports/MonthlyReportsPage') },
      { path: 'accounts', lazy: () => import('./pages/accounts/AccountsPage') },
      { path: 'audit', lazy: () => import('./pages/audit/AuditPage') },
      { path: '*', Component: NotFound },
    ],
  },
]);
