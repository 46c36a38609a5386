import { Alert, Typography } from 'antd';
import { chinaMinute, objectionRefusal } from '../../../../domain/workflow/campaign-state';
import type { CampaignView } from '../../../../shared/schemas/campaign';

const dayMs = 86_400_000;

/** How long is left, as a deadline notice says it: whole days, or hours on the last day. */
export function timeLeft(endsAt: string, now: number): string {
  const ms = Date.parse(endsAt) - now;
  return ms >= dayMs ? `还剩 ${Math.floor(ms / dayMs)} 天` : `还剩不到 ${Math.max(1, Math.ceil(ms / 3_600_000))} 小时`;
}

/**
 * When objections (申诉) may be filed, at the head of the objections: during publicity the
 * deadline and the time left, once the term is over that it is closed (objectionRefusal, the
 * rule the server applies), before publicity (to a unit) that the chance comes with it.
 */
export function ObjectionDeadline({ campaign, forUnit }: { campaign: CampaignView; forUnit: boolean }) {
  const now = Date.now();
  if (campaign.state !== 'publicity') {
    if (!forUnit || campaign.state === 'published') return null;
    return <Typography.Paragraph type="secondary">安委会审定后结果进入公示，公示期间可在此对本单位的考核结果提出申诉。</Typography.Paragraph>;
  }
  const refusal = objectionRefusal(campaign.state, campaign.publicityEndsAt, new Date(now).toISOString());
  if (refusal) {
    const next = forUnit ? '安委办答复后在此查看。' : '申诉全部答复后方可发布通报；申诉成立的，须先退回重新评分。';
    return <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${refusal}。`} description={next} />;
  }
  if (!campaign.publicityEndsAt) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={`申诉截止：${chinaMinute(campaign.publicityEndsAt)}（${timeLeft(campaign.publicityEndsAt, now)}）`}
      description={forUnit
        ? '对本单位的考核结果有异议的，请在截止前写明对哪一项结果有异议及理由；安委办逐件答复，答复在此查看。'
        : '公示期间各单位可提出申诉；全部答复且公示期满后方可发布通报，申诉成立的须先退回重新评分。'}
    />
  );
}
