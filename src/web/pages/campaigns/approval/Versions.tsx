import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { chinaMinute } from '../../../../domain/workflow/campaign-state';
import type { CampaignView } from '../../../../shared/schemas/campaign';
import type { ProgressReport } from '../../../../shared/schemas/progress-stream';
import { correctionSchema } from '../../../../shared/schemas/result';
import { errorMessage } from '../../../api/client';
import { useRequest } from '../../../api/use-request';
import { zodRule } from '../../../components/zod-rule';
import { approvalApi } from './api';
import type { VersionList } from './api';
import { DiffTable } from './DiffTable';
import { FreezeProgress } from './FreezeProgress';

type Version = VersionList['items'][number];

/**
 * Published versions of the results (the first at publication, one more per correction)
 * and the differences between any two of them. A correction recomputes and stores every
 * unit's result and trace: its dialog shows the server's progress and stays open meanwhile.
 */
export function Versions({ campaign, mayCorrect, names }: { campaign: CampaignView; mayCorrect: boolean; names: ReadonlyMap<string, string> }) {
  const { message } = App.useApp();
  const [tick, setTick] = useState(0);
  const versions = useRequest(() => approvalApi.versions(campaign.id), [campaign.id, campaign.version, tick]);
  const items = versions.data?.items ?? [];
  const [from, setFrom] = useState<number | undefined>();
  const [to, setTo] = useState<number | undefined>();
  useEffect(() => {
    const list = versions.data?.items ?? [];
    if (list.length >= 2) {
      setFrom(list.at(-2)!.version);
      setTo(list.at(-1)!.version);
    }
  }, [versions.data]);
  const diff = useRequest(async () => (from && to && from !== to ? approvalApi.diff(campaign.id, from, to) : null), [campaign.id, from, to]);
  const [form] = Form.useForm();
  const [correcting, setCorrecting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [progress, setProgress] = useState<ProgressReport | null>(null);

  const correct = async () => {
    // A field the form refuses shows its message beside it; nothing is sent.
    const values = (await form.validateFields().catch(() => null)) as { reason: string } | null;
    if (!values) return;
    setSaving(true);
    setFailure(null);
    setProgress(null);
    try {
      const out = await approvalApi.correct(campaign.id, values.reason, setProgress);
      message.success(`已生成更正后的第 ${out.version ?? ''} 版结果`);
      setCorrecting(false);
      setTick((t) => t + 1);
    } catch (error) {
      setProgress(null);
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const options = items.map((v) => ({ value: v.version, label: `第 ${v.version} 版` }));
  return (
    <Card
      title="已发布的结果版本"
      extra={mayCorrect && campaign.state === 'published' ? <Button onClick={() => { form.resetFields(); setFailure(null); setProgress(null); setCorrecting(true); }}>更正结果</Button> : null}
    >
      {versions.error && <Alert type="error" showIcon title={versions.error} />}
      <Table<Version>
        size="small"
        rowKey="version"
        loading={versions.loading}
        dataSource={items}
        pagination={false}
        aria-label="结果版本"
        locale={{ emptyText: <Empty description={campaign.state === 'published' ? '暂无版本' : '结果发布后在此列出各版本'} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第 ${v} 版` },
          { title: '生成时间', dataIndex: 'createdAt', width: 150, render: (at: string) => chinaMinute(at) },
          { title: '操作人', dataIndex: 'createdBy', width: 140, render: (id: string | null) => (id ? names.get(id) ?? '（无权查看的账户）' : '系统') },
          { title: '说明', dataIndex: 'reason', render: (reason: string | null) => reason ?? '发布时的结果' },
        ]}
      />
      {items.length >= 2 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>版本比较</Typography.Title>
          <Space wrap style={{ marginBottom: 12 }}>
            <span id="diff-from-label">比较</span>
            <Select aria-labelledby="diff-from-label" style={{ width: 110 }} value={from} onChange={setFrom} options={options} />
            <span id="diff-to-label">与</span>
            <Select aria-labelledby="diff-to-label" style={{ width: 110 }} value={to} onChange={setTo} options={options} />
          </Space>
          {diff.error && <Alert type="error" showIcon title={diff.error} />}
          {from === to && <Alert type="info" showIcon title="请选择两个不同的版本。" />}
          {diff.data && from && to && <DiffTable diff={diff.data} beforeLabel={`第 ${from} 版`} afterLabel={`第 ${to} 版`} />}
        </>
      )}
      <Modal
        open={correcting}
        title="更正已发布的结果"
        okText="生成更正版本"
        cancelText="取消"
        confirmLoading={saving}
        cancelButtonProps={{ disabled: saving }}
        closable={!saving}
        keyboard={!saving}
        mask={{ closable: !saving }}
        onOk={() => void correct()}
        onCancel={() => { if (!saving) setCorrecting(false); }}
        destroyOnHidden
      >
        <Typography.Paragraph>按现有数据重新计算并生成新的结果版本；原版本保留，可随时比较。</Typography.Paragraph>
        <Form form={form} layout="vertical" disabled={saving}>
          <Form.Item name="reason" label="更正理由" rules={[zodRule(correctionSchema.shape.reason, '请填写更正理由')]}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        </Form>
        {saving && <FreezeProgress report={progress} label="更正进度" />}
        {failure && <Alert type="error" showIcon title={failure} />}
      </Modal>
    </Card>
  );
}
