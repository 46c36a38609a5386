import { Result, Spin } from 'antd';
import { Navigate } from 'react-router';
import type { CampaignView } from '../../../shared/schemas/campaign';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { campaignApi } from '../campaigns/api';

/** The campaign the menu opens: the latest one not yet published, else the latest one. */
function current(items: readonly CampaignView[]): CampaignView | undefined {
  const byYear = [...items].sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt));
  return byYear.find((c) => c.state !== 'published') ?? byYear[0];
}

function useCurrentCampaign() {
  return useRequest(() => campaignApi.list(), []);
}

const loading = <div className="anke-center" style={{ minHeight: 200 }}><Spin description="正在打开当前考核活动……" /></div>;

/** Menu 自评: the liaison's own unit in the current campaign. */
export function SelfAssessmentEntry() {
  const account = useAccount();
  const { data, error } = useCurrentCampaign();
  if (error) return <Result status="error" title="无法打开自评" subTitle={error} />;
  if (!data) return loading;
  const c = current(data.items);
  if (!c) return <Result status="info" title="暂无考核活动" />;
  if (!account.unitId) return <Result status="info" title="您的账户没有关联被考核单位" />;
  return <Navigate to={`/campaigns/${encodeURIComponent(c.id)}/self-assessment/${encodeURIComponent(account.unitId)}`} replace />;
}

/** Menu 考核评分: the units to score in the current campaign. */
export function ScoringEntry() {
  const { data, error } = useCurrentCampaign();
  if (error) return <Result status="error" title="无法打开考核评分" subTitle={error} />;
  if (!data) return loading;
  const c = current(data.items);
  if (!c) return <Result status="info" title="暂无考核活动" />;
  return <Navigate to={`/campaigns/${encodeURIComponent(c.id)}/scoring`} replace />;
}
