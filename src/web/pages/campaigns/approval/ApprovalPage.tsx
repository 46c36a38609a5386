import { Alert, Breadcrumb, Col, Descriptions, Row, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { chinaMinute } from '../../../../domain/workflow/campaign-state';
import { awaitsRevision } from '../../../../domain/workflow/objection';
import { can } from '../../../../domain/access/can';
import { actorOf, mayList } from '../../../access';
import { useRequest } from '../../../api/use-request';
import { useAccount } from '../../../session/session';
import { campaignApi } from '../api';
import { mayManageCampaigns } from '../create/api';
import { stateColours } from '../state';
import { approvalApi } from './api';
import { Objections } from './Objections';
import { StateTimeline } from './StateTimeline';
import { TransitionActions } from './TransitionActions';
import { Versions } from './Versions';

/**
 * 审批与公示: where the campaign stands, what this role may do next, objections and published
 * versions. The audit trail and account names are asked for only by readers they are open to,
 * so a unit's liaison meets no refusals on the page.
 */
export function Component() {
  const { id = '' } = useParams();
  const account = useAccount();
  const campaign = useRequest(() => campaignApi.get(id), [id]);
  const c = campaign.data;
  const readsHistory = mayList(account, 'audit.read');
  const readsAccounts = mayList(account, 'account.read');
  const history = useRequest(async () => (readsHistory ? approvalApi.history(id) : null), [id, c?.version, readsHistory]);
  const names = useRequest(async () => (readsAccounts ? approvalApi.accountNames() : new Map<string, string>()), [readsAccounts]);
  const units = useRequest(() => campaignApi.units(id), [id]);
  // One list for the objections card and for what publication waits for; read again after each
  // state change (a return for re-scoring settles the upheld objections).
  const objections = useRequest(() => approvalApi.objections(id), [id, c?.version]);
  const openObjections = objections.data ? objections.data.items.filter((o) => !o.answer).length : undefined;
  const unitNames = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.unitId, u.name])), [units.data]);
  const upheldUnits = useMemo(
    () => [...new Set((objections.data?.items ?? []).filter(awaitsRevision).map((o) => unitNames.get(o.unitId) ?? '申诉单位'))],
    [objections.data, unitNames],
  );
  const accountNames = names.data ?? new Map<string, string>();
  const office = mayManageCampaigns(account);
  // The published versions and their differences are the office's and leaders' (results/diff-versions.ts);
  // a unit reads the published table on the results page.
  const readsVersions = can(actorOf(account), 'result.read', { organisationPath: '/' });

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/campaigns">考核活动</Link> },
          { title: <Link to={`/campaigns/${encodeURIComponent(id)}`}>{c?.name ?? '详情'}</Link> },
          { title: '审批与公示' },
        ]}
      />
      <Typography.Title level={3} className="anke-page-title">审批与公示</Typography.Title>
      {campaign.error && <Alert type="error" showIcon title={campaign.error} />}
      {campaign.loading && !c && <Skeleton active />}
      {c && (
        <Row gutter={[16, 16]}>
          <Col xs={24}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
              <Descriptions.Item label="考核活动">{c.name}</Descriptions.Item>
              <Descriptions.Item label="当前状态"><Tag color={stateColours[c.state]} aria-label="当前状态">{c.stateLabel}</Tag></Descriptions.Item>
              <Descriptions.Item label="审定会议">{c.approvalMeeting ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="公示天数">{c.publicityDays == null ? '—' : `${c.publicityDays} 天`}</Descriptions.Item>
              <Descriptions.Item label="公示截止">{c.publicityEndsAt ? chinaMinute(c.publicityEndsAt) : '—'}</Descriptions.Item>
              <Descriptions.Item label="最后更新">{chinaMinute(c.updatedAt)}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col xs={24}>
            <TransitionActions campaign={c} account={account} openObjections={openObjections} upheldUnits={upheldUnits} onChanged={() => campaign.reload()} />
          </Col>
          <Col xs={24}>
            <StateTimeline campaign={c} records={readsHistory ? history.data?.items ?? [] : null} names={accountNames} error={history.error} />
          </Col>
          <Col xs={24} xl={readsVersions ? 12 : 24}>
            <Objections campaign={c} account={account} list={objections} unitNames={unitNames} names={accountNames} />
          </Col>
          {readsVersions && (
            <Col xs={24} xl={12}>
              <Versions campaign={c} mayCorrect={office} names={accountNames} />
            </Col>
          )}
        </Row>
      )}
    </>
  );
}
