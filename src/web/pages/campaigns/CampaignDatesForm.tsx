import { Alert, App, Button, Form, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { campaignDateEditable, campaignDateLabels, type CampaignDateField } from '../../../domain/workflow/campaign-dates';
import { chinaDay } from '../../../domain/workflow/reminder';
import { graceDaysRange, monthEnded } from '../../../domain/workflow/monthly-report';
import type { CampaignDatesUpdate, CampaignView } from '../../../shared/schemas/campaign';
import { api, errorMessage } from '../../api/client';
import { DayInput } from '../../components/DayInput';
import { withFieldNames } from '../../field-errors';

type Values = Partial<Record<'agreementDue' | 'selfAssessmentDue' | 'assessmentEnds', string | undefined>> & {
  publicityDays?: number | null;
  monthlyReportGraceDays?: number | null;
};

const dayFields = ['agreementDue', 'selfAssessmentDue', 'assessmentEnds'] as const;
const passed = '该阶段已结束，不能再修改';

/**
 * 修改日期 on the campaign's 基本信息 card: the deadlines, the planned publicity days and the
 * 月报报送期限 (月末后 N 日内; a change applies to the months not yet ended), each
 * while its phase has not passed (domain campaignDateEditable, the server's rule), sent with the
 * version the campaign was read at; a refusal is shown in the server's words.
 */
export function CampaignDatesForm({ campaign, onSaved, onCancel }: { campaign: CampaignView; onSaved: (saved: CampaignView) => void; onCancel: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The rule also stops changing once December has ended (the server checks it again by its clock).
  const editable = (field: CampaignDateField) => campaignDateEditable(campaign.state, field)
    && (field !== 'monthlyReportGraceDays' || !monthEnded(campaign.year, 12, chinaDay(new Date().toISOString())));

  const save = async () => {
    const values = await form.validateFields();
    // Only what may still change, and a cleared field as null (cleared on the server too).
    const body: CampaignDatesUpdate = { version: campaign.version };
    for (const f of dayFields) if (editable(f)) body[f] = values[f] ?? null;
    if (editable('publicityDays')) body.publicityDays = values.publicityDays ?? null;
    // The rule cannot be cleared: an emptied box keeps the rule as it is.
    if (editable('monthlyReportGraceDays') && typeof values.monthlyReportGraceDays === 'number') body.monthlyReportGraceDays = values.monthlyReportGraceDays;
    setSaving(true);
    setError(null);
    try {
      const saved = await api.patch<CampaignView>(`/api/campaigns/${encodeURIComponent(campaign.id)}`, body);
      message.success('考核活动日期已保存');
      onSaved(saved);
    } catch (failure) {
      setError(withFieldNames(errorMessage(failure), campaignDateLabels));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      aria-label="修改考核活动日期"
      initialValues={{
        agreementDue: campaign.agreementDue ?? undefined, selfAssessmentDue: campaign.selfAssessmentDue ?? undefined,
        assessmentEnds: campaign.assessmentEnds ?? undefined, publicityDays: campaign.publicityDays,
        monthlyReportGraceDays: campaign.monthlyReportGraceDays,
      }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {dayFields.map((f) => (
        <Form.Item key={f} name={f} label={campaignDateLabels[f]} extra={editable(f) ? undefined : passed}>
          <DayInput aria-label={campaignDateLabels[f]} disabled={!editable(f)} style={{ width: 200 }} />
        </Form.Item>
      ))}
      <Form.Item
        name="publicityDays"
        label="计划公示天数"
        extra={editable('publicityDays') ? '审定时按此天数公示，可在审定时调整。' : '已审定，公示期已确定。'}
      >
        <InputNumber aria-label="计划公示天数" min={1} max={30} precision={0} suffix="天" disabled={!editable('publicityDays')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="monthlyReportGraceDays"
        label={campaignDateLabels.monthlyReportGraceDays}
        extra={editable('monthlyReportGraceDays')
          ? `月末后 ${graceDaysRange.min}–${graceDaysRange.max} 日内报送为按时，0 为月末当日；修改只适用于尚未结束的月份，已结束的月份仍按原期限。`
          : '各月报已按期限报送或逾期，不能再修改。'}
      >
        <InputNumber
          aria-label={campaignDateLabels.monthlyReportGraceDays}
          min={graceDaysRange.min}
          max={graceDaysRange.max}
          precision={0}
          prefix="月末后"
          suffix="日内"
          disabled={!editable('monthlyReportGraceDays')}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Space>
        <Button type="primary" loading={saving} onClick={() => { void save(); }}>保存日期</Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}
