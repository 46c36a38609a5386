import { Alert, Breadcrumb, Col, Descriptions, Row, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
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

/** 审批与公示: where the campaign stands, what this role may do next, objections and published versions. */
export function Component() {
  const { id = '' } = useParams();
  const account = useAccount();
  const campaign = useRequest(() => campaignApi.get(id), [id]);
  const c = campaign.data;
  const history = useRequest(() => approvalApi.history(id), [id, c?.version]);
  const names = useRequest(() => approvalApi.accountNames(), []);
  const units = useRequest(() => campaignApi.units(id), [id]);
  const unitNames = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.unitId, u.name])), [units.data]);
  const accountNames = names.data ?? new Map<string, string>();
  const office = mayManageCampaigns(account);

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
              <Descriptions.Item label="公示截止">{c.publicityEndsAt ? dayjs(c.publicityEndsAt).format('YYYY-MM-DD HH:mm') : '—'}</Descriptions.Item>
              <Descriptions.Item label="最后更新">{dayjs(c.updatedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col xs={24}>
            <TransitionActions campaign={c} account={account} onChanged={() => campaign.reload()} />
          </Col>
          <Col xs={24}>
            <StateTimeline campaign={c} records={history.data?.items ?? []} names={accountNames} error={history.error} />
          </Col>
          <Col xs={24} xl={12}>
            <Objections campaign={c} account={account} mayAnswer={office} unitNames={unitNames} names={accountNames} />
          </Col>
          <Col xs={24} xl={12}>
            <Versions campaign={c} mayCorrect={office} names={accountNames} />
          </Col>
        </Row>
      )}
    </>
  );
}
