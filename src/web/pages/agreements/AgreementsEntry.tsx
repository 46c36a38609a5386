import { Result, Spin } from 'antd';
import { Navigate } from 'react-router';
import type { CampaignView } from '../../../shared/schemas/campaign';
import { useRequest } from '../../api/use-request';
import { campaignApi } from '../campaigns/api';

/** The campaign the menu opens: the latest one not yet published, else the latest one. */
function current(items: readonly CampaignView[]): CampaignView | undefined {
  const byYear = [...items].sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt));
  return byYear.find((c) => c.state !== 'published') ?? byYear[0];
}

/** Menu 责任书: the agreements of the current campaign. */
export function Component() {
  const { data, error } = useRequest(() => campaignApi.list(), []);
  if (error) return <Result status="error" title="无法打开责任书" subTitle={error} />;
  if (!data) return <div className="anke-center" style={{ minHeight: 200 }}><Spin description="正在打开当前考核活动……" /></div>;
  const c = current(data.items);
  if (!c) return <Result status="info" title="暂无考核活动" />;
  return <Navigate to={`/campaigns/${encodeURIComponent(c.id)}/agreements`} replace />;
}
