import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Row, Skeleton, Space, Steps, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { campaignDateEditable, campaignDateFields } from '../../../domain/workflow/campaign-dates';
import { graceDaysText } from '../../../domain/workflow/monthly-report';
import { campaignStateLabels, campaignStates, schemeRevisable } from '../../../domain/workflow/campaign-state';
import { unitCategoryLabels, unitCategorySchema } from '../../../shared/schemas/unit';
import { useRequest } from '../../api/use-request';
import { campaignApi } from './api';
import type { CampaignUnitList } from './api';
import { useAccount } from '../../session/session';
import { maySeeAllTeams } from '../teams/teams-view';
import { CampaignDatesForm } from './CampaignDatesForm';
import { ImportCriteria } from './documents/ImportCriteria';
import { ImportItemScores } from './documents/ImportItemScores';
import { SchemeDrawer } from './create/SchemeView';
import { stateColours } from './state';

type CampaignUnit = CampaignUnitList['items'][number];

function categoryLabel(category: string): string {
  const parsed = unitCategorySchema.safeParse(category);
  return parsed.success ? unitCategoryLabels[parsed.data] : category;
}

export function Component() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const campaign = useRequest(() => campaignApi.get(id), [id]);
  const units = useRequest(() => campaignApi.units(id), [id]);
  const [schemeOpen, setSchemeOpen] = useState(false);
  const [editingDates, setEditingDates] = useState(false);
  const me = useAccount();
  const office = me.role === 'committeeAdmin' || me.role === 'systemAdmin';
  const c = campaign.data;
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/campaigns">考核活动</Link> }, { title: c?.name ?? '详情' }]} style={{ marginBottom: 8 }} />
      <Typography.Title level={3} className="anke-page-title">{c?.name ?? '考核活动'}</Typography.Title>
      {campaign.error && <Alert type="error" showIcon title={campaign.error} />}
      {campaign.loading && !c && <Skeleton active />}
      {c && (
        <Row gutter={[16, 16]}>
          <Col xs={24}>
            <Card title="进度">
              <Steps
                size="small"
                current={campaignStates.indexOf(c.state)}
                items={campaignStates.map((s) => ({ title: campaignStateLabels[s] }))}
                responsive={false}
                style={{ overflowX: 'auto', paddingBottom: 8 }}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card
              title="基本信息"
              extra={office && !editingDates && campaignDateFields.some((f) => campaignDateEditable(c.state, f)) && (
                <Button onClick={() => setEditingDates(true)}>修改日期</Button>
              )}
            >
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
                <Button onClick={() => setSchemeOpen(true)}>考核方案</Button>
                {office && schemeRevisable(c.state) && <ImportCriteria campaignId={c.id} campaignName={c.name} onImported={campaign.reload} />}
                <Button onClick={() => navigate(`/campaigns/${encodeURIComponent(c.id)}/agreements`)}>责任书</Button>
                {maySeeAllTeams(me) && <Button onClick={() => navigate(`/campaigns/${encodeURIComponent(c.id)}/teams`)}>考核组</Button>}
                <Button onClick={() => navigate(`/campaigns/${encodeURIComponent(c.id)}/approval`)}>审批与公示</Button>
                <Button type="primary" onClick={() => navigate(`/campaigns/${encodeURIComponent(c.id)}/results`)}>结果与排名</Button>
              </div>
              {editingDates && (
                <CampaignDatesForm campaign={c} onCancel={() => setEditingDates(false)} onSaved={() => { setEditingDates(false); campaign.reload(); }} />
              )}
              {!editingDates && (
                <Descriptions column={1} size="small" bordered>
                  <Descriptions.Item label="年度">{c.year}{c.period ? `（${c.period}）` : ''}</Descriptions.Item>
                  <Descriptions.Item label="状态"><Tag color={stateColours[c.state]}>{c.stateLabel}</Tag></Descriptions.Item>
                  <Descriptions.Item label="考核方案版本">第 {c.schemeVersion} 版</Descriptions.Item>
                  <Descriptions.Item label="责任书签订截止">{c.agreementDue ?? '未设置'}</Descriptions.Item>
                  <Descriptions.Item label="单位自评截止">{c.selfAssessmentDue ?? '未设置'}</Descriptions.Item>
                  <Descriptions.Item label="考核评分截止">{c.assessmentEnds ?? '未设置'}</Descriptions.Item>
                  <Descriptions.Item label="月报报送期限">{graceDaysText(c.monthlyReportGraceDays)}</Descriptions.Item>
                  <Descriptions.Item label="审定会议">{c.approvalMeeting ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="公示天数">{c.publicityDays == null ? '—' : `${c.publicityDays} 天`}</Descriptions.Item>
                  <Descriptions.Item label="公示截止">{c.publicityEndsAt ? dayjs(c.publicityEndsAt).format('YYYY-MM-DD HH:mm') : '—'}</Descriptions.Item>
                  <Descriptions.Item label="最后更新">{dayjs(c.updatedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
                </Descriptions>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card title={`被考核单位（${units.data?.items.length ?? 0} 个）`} extra={<ImportItemScores campaignId={c.id} />}>
              {units.error && <Alert type="error" showIcon title={units.error} />}
              <Table<CampaignUnit>
                rowKey="unitId"
                size="small"
                loading={units.loading}
                dataSource={units.data?.items ?? []}
                pagination={{ pageSize: 15, showTotal: (total) => `共 ${total} 个单位` }}
                columns={[
                  { title: '序号', dataIndex: 'sortOrder', width: 70 },
                  { title: '单位', dataIndex: 'name' },
                  { title: '类别', dataIndex: 'category', width: 110, render: (value: string) => categoryLabel(value) },
                  {
                    title: '自评与评分',
                    key: 'assessment',
                    width: 120,
                    render: (_: unknown, u: CampaignUnit) => (
                      <Space size="small">
                        <Link to={`/campaigns/${encodeURIComponent(c.id)}/self-assessment/${encodeURIComponent(u.unitId)}`} aria-label={`${u.name}自评`}>自评</Link>
                        <Link to={`/campaigns/${encodeURIComponent(c.id)}/scoring/${encodeURIComponent(u.unitId)}`} aria-label={`${u.name}考核评分`}>评分</Link>
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
      <SchemeDrawer campaignId={id} open={schemeOpen} onClose={() => setSchemeOpen(false)} />
    </>
  );
}
