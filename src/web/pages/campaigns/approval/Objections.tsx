import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { chinaMinute } from '../../../../domain/workflow/campaign-state';
import { awaitsRevision, objectionDecisionLabels, objectionStatus } from '../../../../domain/workflow/objection';
import type { AccountView } from '../../../../shared/schemas/account';
import type { CampaignView } from '../../../../shared/schemas/campaign';
import type { RequestState } from '../../../api/use-request';
import { mayList } from '../../../access';
import { AnswerObjectionModal } from './AnswerObjectionModal';
import type { Objection, ObjectionList } from './api';
import { FileObjectionForm } from './FileObjectionForm';
import { ObjectionDeadline } from './ObjectionDeadline';

/** The colour of an objection's status: open, upheld and still to be returned, or settled. */
function statusColour(o: Objection): string {
  if (!o.answer) return 'orange';
  if (awaitsRevision(o)) return 'red';
  return o.decision === 'upheld' ? 'cyan' : 'green';
}

/**
 * 申诉 during publicity (公示): a unit's liaison files its unit's own and reads the office's
 * decision and answer (the server lists a unit only its own); the office answers each.
 * Publication waits until every objection is answered and every upheld one returned for
 * re-scoring (TransitionActions shows why).
 */
export function Objections({ campaign, account, list, unitNames, names }: {
  campaign: CampaignView; account: AccountView; list: RequestState<ObjectionList>;
  unitNames: ReadonlyMap<string, string>; names: ReadonlyMap<string, string>;
}) {
  const [answering, setAnswering] = useState<Objection | null>(null);
  // Only the office (安委办) answers (publications/answer-objection.ts).
  const mayAnswer = account.role === 'committeeAdmin';
  const ownUnit = mayList(account, 'objection.file') ? account.unitId : null;
  const items = list.data?.items ?? [];
  const open = items.filter((o) => !o.answer).length;
  const unitName = (id: string) => unitNames.get(id) ?? '本单位';
  const who = (id: string | null) => (id === account.id ? account.displayName : (id && names.get(id)) ?? '');

  return (
    <Card
      title={`申诉（${items.length} 件${open > 0 ? `，${open} 件待答复` : ''}）`}
      extra={campaign.state === 'publicity' || campaign.state === 'published' ? <Link to={`/campaigns/${encodeURIComponent(campaign.id)}/results`}>查看公示结果</Link> : null}
    >
      <ObjectionDeadline campaign={campaign} forUnit={ownUnit !== null} />
      {list.error && <Alert type="error" showIcon title={list.error} />}
      <List<Objection>
        aria-label="申诉列表"
        loading={list.loading && !list.data}
        dataSource={items}
        locale={{ emptyText: <Empty description={ownUnit ? '本单位未提出申诉' : '暂无申诉'} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(o) => (
          <List.Item
            aria-label={`${unitName(o.unitId)}的申诉`}
            actions={mayAnswer && !o.answer ? [<Button key="answer" size="small" type="primary" onClick={() => setAnswering(o)}>答复</Button>] : []}
          >
            <List.Item.Meta
              title={(
                <Space wrap>
                  <span>{unitName(o.unitId)}</span>
                  <Tag color={statusColour(o)}>{objectionStatus(o)}</Tag>
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{chinaMinute(o.filedAt)} {who(o.filedBy)}</Typography.Text>
                </Space>
              )}
              description={(
                <>
                  <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0, 0, 0, 0.88)' }}>{o.content}</div>
                  {o.answer && (
                    <div style={{ marginTop: 8, padding: 8, background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 4 }}>
                      <Typography.Text strong>安委办答复{o.decision ? `：${objectionDecisionLabels[o.decision]}` : ''}</Typography.Text>
                      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{o.answeredAt ? chinaMinute(o.answeredAt) : ''} {who(o.answeredBy)}</Typography.Text>
                      <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0, 0, 0, 0.88)' }}>{o.answer}</div>
                      {o.revisedAt && (
                        <Typography.Text type="secondary">考核结果已于 {chinaMinute(o.revisedAt)} 退回重新评分，更正后重新审定并公示。</Typography.Text>
                      )}
                    </div>
                  )}
                </>
              )}
            />
          </List.Item>
        )}
      />
      {ownUnit && <FileObjectionForm campaign={campaign} unitId={ownUnit} unitName={unitName(ownUnit)} onFiled={list.reload} />}
      <AnswerObjectionModal
        campaignId={campaign.id}
        campaignState={campaign.state}
        objection={answering}
        unitName={answering ? unitName(answering.unitId) : ''}
        onClose={() => setAnswering(null)}
        onChanged={list.reload}
      />
    </Card>
  );
}
