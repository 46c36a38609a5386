import { Alert, Col, Row, Skeleton, Typography } from 'antd';
import { roleLabels } from '../../../domain/access/roles';
import { mayList } from '../../access';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { campaignApi } from '../campaigns/api';
import { AccidentsCard } from './AccidentsCard';
import { currentCampaign } from './api';
import { CampaignsCard } from './CampaignsCard';
import { HazardCharts } from './HazardCharts';
import { IndicatorPaceCard } from './IndicatorPaceCard';
import { OrganisationSummary, OwnUnit, RecentAudit, UnitsByCategory } from './OverviewCards';
import { ProgressCard } from './ProgressCard';
import { ResultsCharts } from './ResultsCharts';
import { TodosCard } from './TodosCard';

const publicStates = new Set(['publicity', 'published']);

/**
 * 首页: what the user acts on first (to-dos), then the current campaign's progress and
 * control-indicator pace, accidents and veto proposals, results once public, and the hazard
 * ledger. Each card asks the API, whose scope decides what the user's role sees.
 */
export function Component() {
  const account = useAccount();
  const campaigns = useRequest(() => campaignApi.list(), []);
  const items = campaigns.data?.items ?? [];
  const current = currentCampaign(items);
  const latestPublic = [...items].filter((c) => publicStates.has(c.state)).sort((a, b) => b.year - a.year)[0];
  const office = account.role === 'committeeAdmin' || account.role === 'systemAdmin';
  const readsAccidents = office || account.role === 'leader';
  const seesUnits = mayList(account, 'unit.read') && account.role !== 'unitLiaison';
  return (
    <>
      <Typography.Title level={3} className="anke-page-title">首页</Typography.Title>
      <Typography.Paragraph type="secondary">
        {account.displayName}，您好。当前角色：{roleLabels[account.role]}。
      </Typography.Paragraph>
      {campaigns.error && <Alert type="error" showIcon title={campaigns.error} />}
      <Row gutter={[16, 16]}>
        {account.role === 'unitLiaison' && account.unitId && <Col xs={24} xl={8}><OwnUnit unitId={account.unitId} /></Col>}
        <Col xs={24} xl={account.role === 'unitLiaison' ? 16 : 24}><TodosCard /></Col>
        {campaigns.loading && !campaigns.data && <Col span={24}><Skeleton active /></Col>}
        {current && <Col span={24}><ProgressCard campaign={current} /></Col>}
        {current && <Col xs={24} xl={readsAccidents ? 14 : 24}><IndicatorPaceCard campaign={current} /></Col>}
        {current && readsAccidents && <Col xs={24} xl={10}><AccidentsCard campaign={current} /></Col>}
        {latestPublic && <Col span={24}><ResultsCharts campaign={latestPublic} /></Col>}
        {mayList(account, 'hazard.read') && <Col span={24}><HazardCharts /></Col>}
        {seesUnits && <Col xs={24} xl={14}><UnitsByCategory /></Col>}
        {mayList(account, 'organisation.read') && <Col xs={24} xl={10}><OrganisationSummary /></Col>}
        {campaigns.data && <Col xs={24} xl={14}><CampaignsCard items={items} /></Col>}
        {mayList(account, 'audit.read') && <Col xs={24} xl={10}><RecentAudit /></Col>}
      </Row>
    </>
  );
}
