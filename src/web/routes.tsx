import { Spin } from 'antd';
import { createBrowserRouter, matchPath } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { LazyResult } from './components/LazyResult';
import { campaignApi } from './pages/campaigns/api';

function NotFound() {
  return <LazyResult status="404" title="页面不存在" subTitle="请从左侧菜单进入需要的页面。" />;
}

function Loading() {
  return <div className="anke-center"><Spin size="large" description="正在加载……" /></div>;
}

// zod's Chinese messages are set before any page renders (src/web/zod-messages.ts).
const zodMessages = async () => { await import('./zod-messages'); return null; };

// A results page opened directly asks for its data before the router asks for the page's code:
// the browser opens at most six connections to the server and sends requests in the order they
// were made, and the page's code is some twenty files (bench:web). The route's loader below
// does the same on navigation within the app; a request already made is not repeated.
const opening = matchPath('/campaigns/:id/results', window.location.pathname);
if (opening?.params.id) campaignApi.prefetchResultsPage(opening.params.id);

// Each page is its own chunk, loaded when first visited.
export const router = createBrowserRouter([
  { path: '/login', loader: zodMessages, HydrateFallback: Loading, lazy: () => import('./pages/login/LoginPage') },
  {
    path: '/',
    loader: zodMessages,
    HydrateFallback: Loading,
    Component: AppLayout,
    children: [
      { index: true, lazy: () => import('./pages/home/HomePage') },
      { path: 'organisation', lazy: () => import('./pages/organisation/OrganisationPage') },
      { path: 'campaigns', lazy: () => import('./pages/campaigns/CampaignListPage') },
      { path: 'campaigns/:id', lazy: () => import('./pages/campaigns/CampaignDetailPage') },
      {
        path: 'campaigns/:id/results',
        loader: ({ params }) => { campaignApi.prefetchResultsPage(params.id ?? ''); return null; },
        lazy: () => import('./pages/campaigns/ResultsPage'),
      },
      { path: 'campaigns/:id/self-assessment/:unitId', lazy: () => import('./pages/assessment/SelfAssessmentPage') },
      { path: 'campaigns/:id/scoring', lazy: () => import('./pages/assessment/ScoringListPage') },
      { path: 'campaigns/:id/scoring/:unitId', lazy: () => import('./pages/assessment/ScoringPage') },
      { path: 'self-assessment', lazy: async () => ({ Component: (await import('./pages/assessment/CurrentCampaign')).SelfAssessmentEntry }) },
      { path: 'scoring', lazy: async () => ({ Component: (await import('./pages/assessment/CurrentCampaign')).ScoringEntry }) },
      { path: 'campaigns/:id/approval', lazy: () => import('./pages/campaigns/approval/ApprovalPage') },
      { path: 'campaigns/:id/teams', lazy: () => import('./pages/teams/TeamsPage') },
      { path: 'campaigns/:id/agreements', lazy: () => import('./pages/agreements/AgreementsPage') },
      { path: 'agreements', lazy: () => import('./pages/agreements/AgreementsEntry') },
      { path: 'accidents', lazy: () => import('./pages/accidents/AccidentsPage') },
      { path: 'hazards', lazy: () => import('./pages/hazards/HazardsPage') },
      { path: 'hazards/:id', lazy: () => import('./pages/hazards/HazardCardPage') },
      { path: 'enterprises', lazy: () => import('./pages/enterprises/EnterprisesPage') },
      { path: 'enterprises/:id', lazy: () => import('./pages/enterprises/EnterpriseFilePage') },
      { path: 'monthly-reports', lazy: () => import('./pages/monthly-reports/MonthlyReportsPage') },
      { path: 'enforcement', lazy: () => import('./pages/enforcement/EnforcementPage') },
      { path: 'enforcement/:id', lazy: () => import('./pages/enforcement/MeasurePage') },
      { path: 'tips', lazy: () => import('./pages/tips/TipsPage') },
      { path: 'tips/:id', lazy: () => import('./pages/tips/TipPage') },
      { path: 'experts', lazy: () => import('./pages/experts/ExpertsPage') },
      { path: 'inspections', lazy: () => import('./pages/inspections/InspectionsPage') },
      { path: 'inspections/:id', lazy: () => import('./pages/inspections/InspectionPage') },
      { path: 'training', lazy: () => import('./pages/training/TrainingPage') },
      { path: 'special-campaigns', lazy: () => import('./pages/special-campaigns/SpecialCampaignsPage') },
      { path: 'special-campaigns/:id', lazy: () => import('./pages/special-campaigns/SpecialCampaignPage') },
      { path: 'accounts', lazy: () => import('./pages/accounts/AccountsPage') },
      { path: 'audit', lazy: () => import('./pages/audit/AuditPage') },
      { path: '*', Component: NotFound },
    ],
  },
]);
