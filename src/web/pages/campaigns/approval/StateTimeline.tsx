import { Alert, Card, Empty, Steps, Timeline, Typography } from 'antd';
import { campaignStateLabels, campaignStates, chinaMinute } from '../../../../domain/workflow/campaign-state';
import type { CampaignState } from '../../../../domain/workflow/campaign-state';
import type { CampaignView } from '../../../../shared/schemas/campaign';
import { auditActionLabel } from '../../../labels';
import type { AuditRecord } from './api';

interface Recorded { state?: CampaignState; reason?: string; approvalMeeting?: string | null; publicityDays?: number | null }

const recorded = (value: unknown): Recorded => (value && typeof value === 'object' ? value as Recorded : {});
const when = chinaMinute;

/**
 * The campaign's states as steps, each with the date it was last reached and by whom, and
 * beneath them every recorded operation (a return for revision shows with its reason).
 * `records` is null for a reader the audit trail is closed to (a unit's liaison, an
 * assessor): the steps alone are shown.
 */
export function StateTimeline({ campaign, records, names, error }: {
  campaign: CampaignView; records: readonly AuditRecord[] | null; names: ReadonlyMap<string, string>; error: string | null;
}) {
  const who = (id: string | null) => (id === null ? '系统' : names.get(id) ?? '（无权查看的账户）');
  const reached = new Map<CampaignState, AuditRecord>();
  for (const r of records ?? []) {
    const state = recorded(r.after).state;
    if (state) reached.set(state, r);
  }
  const current = campaignStates.indexOf(campaign.state);
  return (
    <Card title="流程进度">
      <Steps
        size="small"
        // Titles under their icons: nine states with their dates and names fit 1024 px unbroken.
        titlePlacement="vertical"
        current={current}
        status={campaign.state === 'published' ? 'finish' : 'process'}
        responsive={false}
        style={{ overflowX: 'auto', paddingBottom: 8 }}
        items={campaignStates.map((s, i) => {
          const r = i <= current ? reached.get(s) : undefined;
          return {
            title: campaignStateLabels[s],
            content: r ? <span style={{ fontSize: 12 }}>{chinaMinute(r.at).slice(0, 10)}<br />{who(r.actorId)}</span> : undefined,
          };
        })}
      />
      {records !== null && <OperationRecords records={records} who={who} error={error} />}
    </Card>
  );
}

function OperationRecords({ records, who, error }: { records: readonly AuditRecord[]; who: (id: string | null) => string; error: string | null }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>操作记录</Typography.Title>
      {error && <Alert type="info" showIcon title={`操作记录不可查看：${error}`} />}
      {!error && records.length === 0 && <Empty description="暂无操作记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <Timeline
        aria-label="操作记录"
        items={records.map((r) => {
          const before = recorded(r.before);
          const after = recorded(r.after);
          const moved = before.state && after.state && before.state !== after.state;
          return {
            color: r.action === 'campaign.returnForRevision' ? 'red' : r.action === 'results.correct' ? 'orange' : 'blue',
            content: (
              <div>
                <Typography.Text strong>{auditActionLabel(r.action)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{when(r.at)} · {who(r.actorId)}</Typography.Text>
                {moved && <div>{campaignStateLabels[before.state!]} → {campaignStateLabels[after.state!]}</div>}
                {r.action === 'campaign.approve' && after.approvalMeeting && <div>审定会议：{after.approvalMeeting}；公示 {after.publicityDays ?? '—'} 天</div>}
                {after.reason && <div>理由：{after.reason}</div>}
              </div>
            ),
          };
        })}
      />
    </>
  );
}
