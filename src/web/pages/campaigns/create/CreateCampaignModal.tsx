import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, List, Modal, Select, Space, Spin, Tabs, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { defaultGraceDays, graceDaysRange } from '../../../../domain/workflow/monthly-report';
import { campaignCopySchema, campaignCreateSchema, monthlyReportGraceDaysSchema } from '../../../../shared/schemas/campaign';
import type { CampaignView } from '../../../../shared/schemas/campaign';
import { unitCategoryLabels, unitCategorySchema } from '../../../../shared/schemas/unit';
import { ApiError, errorMessage } from '../../../api/client';
import { useRequest } from '../../../api/use-request';
import { zodRule } from '../../../components/zod-rule';
import { useAccount } from '../../../session/session';
import { campaignApi } from '../api';
import { createApi } from './api';
import type { PlatformUnit } from './api';
import { splitIssues } from './scheme-issues';
import type { SplitIssues } from './scheme-issues';

interface DateFields {
  agreementDue?: Dayjs | null;
  selfAssessmentDue?: Dayjs | null;
  assessmentEnds?: Dayjs | null;
  monthlyReportGraceDays?: number | null;
}

/** The three dates as the server takes them (YYYY-MM-DD) and the 月报报送期限, leaving out those not set. */
function datesOf(values: DateFields) {
  const out: { agreementDue?: string; selfAssessmentDue?: string; assessmentEnds?: string; monthlyReportGraceDays?: number } = {};
  for (const key of ['agreementDue', 'selfAssessmentDue', 'assessmentEnds'] as const) {
    const value = values[key];
    if (value) out[key] = value.format('YYYY-MM-DD');
  }
  if (typeof values.monthlyReportGraceDays === 'number') out.monthlyReportGraceDays = values.monthlyReportGraceDays;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The dates; left empty, the 月报报送期限 is 月末后 2 日内 for a new campaign and last year's rule for a copy. */
function DateItems({ copy = false }: { copy?: boolean }) {
  return (
    <Space wrap size={[16, 0]}>
      <Form.Item name="agreementDue" label="责任书签订截止"><DatePicker placeholder="选择日期" aria-label="责任书签订截止" /></Form.Item>
      <Form.Item name="selfAssessmentDue" label="单位自评截止"><DatePicker placeholder="选择日期" aria-label="单位自评截止" /></Form.Item>
      <Form.Item name="assessmentEnds" label="考核评分截止"><DatePicker placeholder="选择日期" aria-label="考核评分截止" /></Form.Item>
      <Form.Item name="monthlyReportGraceDays" label="月报报送期限" rules={[zodRule(monthlyReportGraceDaysSchema.nullish())]}>
        <InputNumber
          aria-label="月报报送期限"
          min={graceDaysRange.min}
          max={graceDaysRange.max}
          precision={0}
          prefix="月末后"
          suffix="日内"
          placeholder={copy ? '同上年' : String(defaultGraceDays)}
          style={{ width: 180 }}
        />
      </Form.Item>
    </Space>
  );
}

function categoryLabel(category: string): string {
  const parsed = unitCategorySchema.safeParse(category);
  return parsed.success ? unitCategoryLabels[parsed.data] : '其他';
}

const unitOption = (u: { id: string; name: string; category: string }) => ({ value: u.id, label: `${u.name}（${categoryLabel(u.category)}）` });

/** The server's problems with the scheme or units, one line each at its part and path. */
function IssueList({ split, unitNames }: { split: SplitIssues; unitNames: readonly string[] }) {
  // units[3] is the fourth unit chosen: show its name, not an index.
  const readablePath = (path: string) => path.replace(/^units\[(\d+)\]/, (whole, i: string) => (unitNames[Number(i)] ? `单位“${unitNames[Number(i)]}”` : whole));
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={`服务器校验未通过：共 ${split.issues.length + split.more} 处问题`}
      description={(
        <List
          size="small"
          aria-label="校验问题"
          dataSource={split.issues}
          footer={split.more > 0 ? `另有 ${split.more} 处问题，改正以上各处后重新提交即可看到。` : undefined}
          renderItem={(issue) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Space wrap size={4}>
                {issue.part && <Tag color="red">{issue.part}</Tag>}
                {issue.path && <Typography.Text code>{readablePath(issue.path)}</Typography.Text>}
                <span>{issue.message}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
    />
  );
}

function FromSchemeForm({ units, onCreated }: { units: PlatformUnit[]; onCreated: (view: CampaignView) => void }) {
  const account = useAccount();
  const [form] = Form.useForm();
  const [fileName, setFileName] = useState<string | null>(null);
  const [schemeText, setSchemeText] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [issues, setIssues] = useState<SplitIssues | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const nameOf = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const schemeIssues = issues?.issues.filter((i) => i.part === '考核方案' || i.part === '') ?? [];
  const unitIssues = issues?.issues.filter((i) => i.part === '被考核单位') ?? [];

  const submit = async (values: DateFields & { unitIds: string[]; period?: string }) => {
    if (!schemeText) return;
    setSaving(true);
    setIssues(null);
    try {
      const body = {
        organisationId: account.organisationId,
        scheme: schemeText,
        units: values.unitIds.map((unitId) => ({ unitId })),
        ...(values.period?.trim() ? { period: values.period.trim() } : {}),
        ...(datesOf(values) ? { dates: datesOf(values) } : {}),
      };
      const parsed = campaignCreateSchema.safeParse(body);
      if (!parsed.success) {
        setIssues({ issues: parsed.error.issues.map((i) => ({ part: '', path: i.path.join('.'), message: i.message })), more: 0 });
        return;
      }
      onCreated(await createApi.create(parsed.data));
    } catch (error) {
      setIssues(error instanceof ApiError && error.status === 400 ? splitIssues(error.message) : { issues: [{ part: '', path: '', message: errorMessage(error) }], more: 0 });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Spin spinning={saving} description="正在校验考核方案并创建考核活动…">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ unitIds: [] }}>
        <Form.Item
          label="考核方案文件（YAML 或 JSON）"
          required
          validateStatus={schemeIssues.length > 0 ? 'error' : undefined}
          help={schemeIssues.length > 0 ? `考核方案有 ${schemeIssues.length} 处问题，见下方列表` : '格式见《考核方案文件格式》；文件只在本机读取，提交时随表单发送。'}
        >
          <Upload.Dragger
            accept=".yaml,.yml,.json"
            maxCount={1}
            showUploadList={false}
            aria-label="选择考核方案文件"
            beforeUpload={(file) => {
              // Read in the browser only; the text goes with the form, nothing is uploaded now.
              void file.text().then((text) => {
                setSchemeText(text);
                setFileName(file.name);
                setIssues(null);
              });
              return false;
            }}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{fileName ? `已选择：${fileName}（点击或拖入可更换）` : '点击或拖入考核方案文件'}</p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item
          name="unitIds"
          label={`被考核单位（已选 ${chosen.length} 个）`}
          rules={[{ validator: async (_r, v: string[]) => { if (!v || v.length === 0) throw new Error('请至少选择一个被考核单位'); } }]}
          validateStatus={unitIssues.length > 0 ? 'error' : undefined}
          help={unitIssues.length > 0 ? `被考核单位有 ${unitIssues.length} 处问题，见下方列表` : undefined}
          extra={<Button size="small" type="link" style={{ padding: 0 }} onClick={() => { const all = units.map((u) => u.id); form.setFieldValue('unitIds', all); setChosen(all); }}>选择全部 {units.length} 个单位</Button>}
        >
          <Select
            mode="multiple"
            aria-label="被考核单位"
            placeholder="选择参加本次考核的单位"
            options={units.map(unitOption)}
            optionFilterProp="label"
            maxTagCount="responsive"
            onChange={(v: string[]) => setChosen(v)}
          />
        </Form.Item>
        <Form.Item name="period" label="考核周期（可不填，缺省为年度）" rules={[zodRule(campaignCreateSchema.shape.period)]}>
          <Input placeholder="如：第三季度" maxLength={20} />
        </Form.Item>
        <DateItems />
        {issues && <IssueList split={issues} unitNames={(form.getFieldValue('unitIds') as string[]).map((id) => nameOf.get(id) ?? '')} />}
        <Button type="primary" htmlType="submit" loading={saving} disabled={!schemeText}>校验并创建</Button>
      </Form>
    </Spin>
  );
}

function CopyForm({ units, campaigns, onCreated }: { units: PlatformUnit[]; campaigns: CampaignView[]; onCreated: (view: CampaignView) => void }) {
  const [form] = Form.useForm();
  const sorted = useMemo(() => [...campaigns].sort((a, b) => b.year - a.year), [campaigns]);
  const [sourceId, setSourceId] = useState<string | undefined>(sorted[0]?.id);
  const source = sorted.find((c) => c.id === sourceId);
  const sourceUnits = useRequest(async () => (sourceId ? campaignApi.units(sourceId) : { items: [] }), [sourceId]);
  const inSource = new Set((sourceUnits.data?.items ?? []).map((u) => u.unitId));
  const year = Form.useWatch('year', form) as number | undefined;
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<SplitIssues | null>(null);

  const submit = async (values: DateFields & { year: number; name?: string; removeUnitIds?: string[]; addUnitIds?: string[] }) => {
    if (!sourceId) return;
    setSaving(true);
    setFailure(null);
    try {
      const body = {
        year: values.year,
        ...(values.name?.trim() ? { name: values.name.trim() } : {}),
        ...(values.removeUnitIds?.length ? { removeUnitIds: values.removeUnitIds } : {}),
        ...(values.addUnitIds?.length ? { addUnits: values.addUnitIds.map((unitId) => ({ unitId })) } : {}),
        ...(datesOf(values) ? { dates: datesOf(values) } : {}),
      };
      onCreated(await createApi.copy(sourceId, campaignCopySchema.parse(body)));
    } catch (error) {
      setFailure(error instanceof ApiError && error.status === 400 ? splitIssues(error.message) : { issues: [{ part: '', path: '', message: errorMessage(error) }], more: 0 });
    } finally {
      setSaving(false);
    }
  };

  const defaultName = source && year ? source.name.replaceAll(String(source.year), String(year)) : '';
  return (
    <Spin spinning={saving} description="正在复制考核方案和被考核单位…">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year: (sorted[0]?.year ?? new Date().getFullYear() - 1) + 1 }}>
        <Form.Item label="复制来源" required>
          <Select
            aria-label="复制来源"
            value={sourceId}
            onChange={(id: string) => {
              setSourceId(id);
              const next = sorted.find((c) => c.id === id);
              if (next) form.setFieldsValue({ year: next.year + 1, removeUnitIds: [], addUnitIds: [] });
            }}
            options={sorted.map((c) => ({ value: c.id, label: `${c.name}${c.period ? `（${c.period}）` : ''}（${c.stateLabel}）` }))}
          />
        </Form.Item>
        <Space wrap size={[16, 0]} align="start">
          <Form.Item name="year" label="新考核年度" rules={[zodRule(campaignCopySchema.shape.year, '请输入新考核年度')]}>
            <InputNumber aria-label="新考核年度" min={1990} max={2100} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="name" label="名称（可不填）" rules={[zodRule(campaignCopySchema.shape.name)]} style={{ minWidth: 320 }}>
            <Input aria-label="名称" placeholder={defaultName || '缺省把原名称中的年份换成新年度'} maxLength={100} />
          </Form.Item>
        </Space>
        <Form.Item name="removeUnitIds" label={`不再参加的单位（原有 ${inSource.size} 个）`}>
          <Select
            mode="multiple"
            aria-label="不再参加的单位"
            loading={sourceUnits.loading}
            placeholder="不选则全部保留"
            optionFilterProp="label"
            options={(sourceUnits.data?.items ?? []).map((u) => unitOption({ id: u.unitId, name: u.name, category: u.category }))}
          />
        </Form.Item>
        <Form.Item name="addUnitIds" label="新增的单位">
          <Select
            mode="multiple"
            aria-label="新增的单位"
            placeholder={units.some((u) => !inSource.has(u.id)) ? '选择新参加考核的单位' : '辖区内的单位都已在复制来源中'}
            optionFilterProp="label"
            options={units.filter((u) => !inSource.has(u.id)).map(unitOption)}
          />
        </Form.Item>
        <DateItems copy />
        {sourceUnits.error && <Alert type="error" showIcon title={sourceUnits.error} style={{ marginBottom: 16 }} />}
        {failure && <IssueList split={failure} unitNames={[]} />}
        <Typography.Paragraph type="secondary">复制考核方案和单位及其排列顺序；评分、事故和否决决定属于原年度，不复制。</Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={saving} disabled={!sourceId}>复制并创建</Button>
      </Form>
    </Spin>
  );
}

/** 新建考核活动: from a scheme file, or a copy of last year's campaign. */
export function CreateCampaignModal({ open, campaigns, onClose, onCreated }: {
  open: boolean; campaigns: CampaignView[]; onClose: () => void; onCreated: (view: CampaignView) => void;
}) {
  const { message } = App.useApp();
  const units = useRequest(async () => (open ? createApi.allUnits() : []), [open]);
  const created = (view: CampaignView) => {
    message.success(`已创建“${view.name}”`);
    onCreated(view);
  };
  return (
    <Modal open={open} title="新建考核活动" width={760} footer={null} onCancel={onClose} destroyOnHidden closable={{ 'aria-label': '关闭' }}>
      {units.error && <Alert type="error" showIcon title={units.error} style={{ marginBottom: 16 }} />}
      <Tabs
        defaultActiveKey={campaigns.length > 0 ? 'copy' : 'scheme'}
        items={[
          { key: 'copy', label: '复制上一年度', disabled: campaigns.length === 0, children: <CopyForm units={units.data ?? []} campaigns={campaigns} onCreated={created} /> },
          { key: 'scheme', label: '按考核方案文件新建', children: <FromSchemeForm units={units.data ?? []} onCreated={created} /> },
        ]}
      />
    </Modal>
  );
}
