import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Divider, Drawer, Form, Input, InputNumber, Row, Select, Skeleton, Space,
  Tag, Typography, Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { z } from 'zod';
import { accidentGradeLabels, accidentGrades } from '../../../domain/accidents/grade';
import { indicatorKindLabels, indicatorKinds } from '../../../domain/indicators/control-indicator';
import { sectorLabels } from '../../../domain/sectors';
import { agreementStateLabels, agreementTransitions, type AgreementAction } from '../../../domain/workflow/agreement-state';
import {
  agreementIndicatorSchema, agreementKeyTasksSchema, agreementTargetsSchema, governmentSignatorySchema, unitDeputySchema,
  unitPrincipalSchema, type AgreementIndicator, type AgreementView,
} from '../../../shared/schemas/agreement';
import type { StoredFileView } from '../../../shared/schemas/file';
import { errorMessage } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { zodRule } from '../../components/zod-rule';
import { useAccount } from '../../session/session';
import { agreementApi, fileUrl } from './api';
import { agreementStateColours } from './AgreementsPage';

interface Props {
  campaignId: string;
  year: number;
  unitId: string;
  onClose: () => void;
  onChanged: () => void;
}

interface EditValues {
  targets: string[];
  keyTasks: string[];
  controlIndicators: AgreementIndicator[];
  unitPrincipal?: string;
  unitDeputy?: string;
  governmentSignatory?: string;
}

interface SignValues {
  signedOn?: Dayjs;
  unitPrincipal?: string;
  unitDeputy?: string;
  governmentSignatory?: string;
}

/** An empty signatory is allowed while drafting (filled in at signing). */
const z0 = z.union([z.literal(''), z.undefined()]);
const sectorOptions = Object.entries(sectorLabels).map(([value, label]) => ({ value, label }));
const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** The scanned signed copy: an image inline, a PDF opened in a new tab. */
function ScanPreview({ file }: { file: { id: string; originalName: string; mediaType: string } }) {
  const { message } = App.useApp();
  if (file.mediaType.startsWith('image/')) {
    return (
      <div>
        <img src={fileUrl(file.id)} alt={`签订文本扫描件：${file.originalName}`} style={{ maxWidth: '100%', maxHeight: 420, border: '1px solid #d9d9d9' }} />
        <div><Typography.Text type="secondary">{file.originalName}</Typography.Text></div>
      </div>
    );
  }
  return (
    <Space wrap>
      <Typography.Text>{file.originalName}</Typography.Text>
      <Button onClick={() => void agreementApi.openFile(file.id).catch((e: unknown) => message.error(errorMessage(e)))}>在新窗口预览扫描件</Button>
    </Space>
  );
}

function LineList({ name, label, itemSchema }: { name: 'targets' | 'keyTasks'; label: string; itemSchema: typeof agreementTargetsSchema.element }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Space key={field.key} align="start" style={{ display: 'flex', width: '100%' }} className="anke-line-item">
              <Form.Item
                name={field.name}
                label={`${label}第 ${index + 1} 条`}
                rules={[zodRule(itemSchema, `请填写${label}`)]}
                style={{ flex: 1, marginBottom: 8, minWidth: 420 }}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} aria-label={`删除${label}第 ${index + 1} 条`} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>添加{label}</Button>
        </>
      )}
    </Form.List>
  );
}

function Editor({ agreement, onSaved }: { agreement: AgreementView; onSaved: (a: AgreementView) => void }) {
  const [form] = Form.useForm<EditValues>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const save = async (values: EditValues) => {
    setSaving(true);
    try {
      const saved = await agreementApi.update(agreement.campaignId, agreement.unitId, {
        version: agreement.version,
        targets: values.targets ?? [],
        keyTasks: values.keyTasks ?? [],
        controlIndicators: (values.controlIndicators ?? []).map((i) => ({
          kind: i.kind, ceiling: i.ceiling,
          ...(i.minGrade ? { minGrade: i.minGrade } : {}),
          ...(i.sector ? { sector: i.sector } : {}),
          ...(i.liabilityOnly ? { liabilityOnly: true } : {}),
        })),
        unitPrincipal: blankToNull(values.unitPrincipal),
        unitDeputy: blankToNull(values.unitDeputy),
        governmentSignatory: blankToNull(values.governmentSignatory),
      });
      void message.success('责任书已保存');
      onSaved(saved);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<EditValues>
      form={form}
      layout="vertical"
      onFinish={(v) => void save(v)}
      initialValues={{
        targets: agreement.targets,
        keyTasks: agreement.keyTasks,
        controlIndicators: agreement.controlIndicators.map(({ label: _label, ...i }) => i),
        unitPrincipal: agreement.unitPrincipal ?? '',
        unitDeputy: agreement.unitDeputy ?? '',
        governmentSignatory: agreement.governmentSignatory ?? '',
      }}
    >
      <Typography.Title level={5}>一、责任目标</Typography.Title>
      <LineList name="targets" label="责任目标" itemSchema={agreementTargetsSchema.element} />
      <Divider />
      <Typography.Title level={5}>二、控制指标</Typography.Title>
      <Form.List name="controlIndicators">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card key={field.key} size="small" style={{ marginBottom: 8 }} title={`控制指标 ${index + 1}`}
                extra={<Button size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`删除控制指标 ${index + 1}`}>删除</Button>}>
                <Row gutter={12}>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'kind']} label="指标类别" rules={[zodRule(agreementIndicatorSchema.shape.kind, '请选择指标类别')]} style={{ marginBottom: 8 }}>
                      <Select options={indicatorKinds.map((k) => ({ value: k, label: indicatorKindLabels[k] }))} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[field.name, 'ceiling']} label="控制数" rules={[zodRule(agreementIndicatorSchema.shape.ceiling, '请填写控制数')]} style={{ marginBottom: 8 }}>
                      <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={10}>
                    <Form.Item name={[field.name, 'minGrade']} label="事故等级（及以上）" style={{ marginBottom: 8 }}>
                      <Select allowClear placeholder="不限" options={accidentGrades.map((g) => ({ value: g, label: accidentGradeLabels[g] }))} />
                    </Form.Item>
                  </Col>
                  <Col span={14}>
                    <Form.Item name={[field.name, 'sector']} label="行业领域" style={{ marginBottom: 0 }}>
                      <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部行业" options={sectorOptions} />
                    </Form.Item>
                  </Col>
                  <Col span={10}>
                    <Form.Item name={[field.name, 'liabilityOnly']} label="统计范围" valuePropName="checked" style={{ marginBottom: 0 }}>
                      <Checkbox>仅统计责任事故</Checkbox>
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'deaths', ceiling: 0 })}>添加控制指标</Button>
          </>
        )}
      </Form.List>
      <Divider />
      <Typography.Title level={5}>三、重点工作任务</Typography.Title>
      <LineList name="keyTasks" label="重点工作任务" itemSchema={agreementKeyTasksSchema.element} />
      <Divider />
      <Typography.Title level={5}>签订人</Typography.Title>
      <Row gutter={12}>
        <Col span={8}><Form.Item name="unitPrincipal" label="单位主要负责人" rules={[zodRule(unitPrincipalSchema.or(z0))]}><Input maxLength={50} /></Form.Item></Col>
        <Col span={8}><Form.Item name="unitDeputy" label="单位分管负责人" rules={[zodRule(unitDeputySchema.or(z0))]}><Input maxLength={50} /></Form.Item></Col>
        <Col span={8}><Form.Item name="governmentSignatory" label="政府方签订人" rules={[zodRule(governmentSignatorySchema.or(z0))]}><Input maxLength={50} /></Form.Item></Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={saving}>保存责任书</Button>
    </Form>
  );
}

function SignForm({ agreement, year, onSigned }: { agreement: AgreementView; year: number; onSigned: (a: AgreementView) => void }) {
  const [form] = Form.useForm<SignValues>();
  const { message } = App.useApp();
  const [scan, setScan] = useState<StoredFileView | null>(null);
  const [uploading, setUploading] = useState(false);
  const [saving, setSaving] = useState(false);
  const upload = async (file: File) => {
    setUploading(true);
    try {
      setScan(await agreementApi.uploadScan(agreement.unitId, file));
      void message.success(`已上传：${file.name}`);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setUploading(false);
    }
  };
  const sign = async (values: SignValues) => {
    setSaving(true);
    try {
      const signed = await agreementApi.transition(agreement.campaignId, agreement.unitId, {
        action: 'sign', version: agreement.version,
        ...(values.signedOn ? { signedOn: values.signedOn.format('YYYY-MM-DD') } : {}),
        ...(values.unitPrincipal?.trim() ? { unitPrincipal: values.unitPrincipal.trim() } : {}),
        ...(values.unitDeputy?.trim() ? { unitDeputy: values.unitDeputy.trim() } : {}),
        ...(values.governmentSignatory?.trim() ? { governmentSignatory: values.governmentSignatory.trim() } : {}),
        ...(scan ? { scannedFileId: scan.id } : {}),
      });
      void message.success('已登记签订');
      onSigned(signed);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title="登记签订" style={{ marginTop: 12 }}>
      <Form<SignValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void sign(v)}
        initialValues={{
          signedOn: agreement.signedOn ? dayjs(agreement.signedOn) : undefined,
          unitPrincipal: agreement.unitPrincipal ?? '', unitDeputy: agreement.unitDeputy ?? '', governmentSignatory: agreement.governmentSignatory ?? '',
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="signedOn" label="签订日期" rules={[{ required: true, message: '请选择签订日期' }]}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="选择日期"
                disabledDate={(d) => d.year() !== year && d.year() !== year - 1} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="governmentSignatory" label="政府方签订人" rules={[zodRule(governmentSignatorySchema, '请填写政府方签订人')]}><Input maxLength={50} /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unitPrincipal" label="单位主要负责人" rules={[zodRule(unitPrincipalSchema, '请填写单位主要负责人')]}><Input maxLength={50} /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unitDeputy" label="单位分管负责人" rules={[zodRule(unitDeputySchema, '请填写单位分管负责人')]}><Input maxLength={50} /></Form.Item>
          </Col>
        </Row>
        <Form.Item label="签订文本扫描件（PDF 或图片）" required>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Upload accept=".pdf,.jpg,.jpeg,.png,.webp" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
              <Button icon={<UploadOutlined />} loading={uploading}>选择并上传扫描件</Button>
            </Upload>
            {scan && <ScanPreview file={scan} />}
          </Space>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} disabled={!scan}>确认登记签订</Button>
      </Form>
    </Card>
  );
}

function ReadOnly({ a }: { a: AgreementView }) {
  const list = (items: string[]) => (items.length ? <ol style={{ margin: 0, paddingLeft: 20 }}>{items.map((t, i) => <li key={i}>{t}</li>)}</ol> : '—');
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: 150 } }}>
      <Descriptions.Item label="责任目标">{list(a.targets)}</Descriptions.Item>
      <Descriptions.Item label="控制指标">{list(a.controlIndicators.map((i) => i.label))}</Descriptions.Item>
      <Descriptions.Item label="重点工作任务">{list(a.keyTasks)}</Descriptions.Item>
      <Descriptions.Item label="单位主要负责人">{a.unitPrincipal ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="单位分管负责人">{a.unitDeputy ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="政府方签订人">{a.governmentSignatory ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="签订日期">{a.signedOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="签订文本扫描件">{a.scannedFile ? <ScanPreview file={a.scannedFile} /> : '—'}</Descriptions.Item>
    </Descriptions>
  );
}

const simpleActions: { action: Exclude<AgreementAction, 'sign'>; confirm: string }[] = [
  { action: 'issue', confirm: '下达后责任书内容不能再修改（可撤回修改）' },
  { action: 'withdraw', confirm: '' },
  { action: 'archive', confirm: '' },
];

/** One unit's agreement: its content (editable by the office while drafted), state changes and the signed copy. */
export function AgreementDrawer({ campaignId, year, unitId, onClose, onChanged }: Props) {
  const account = useAccount();
  const { message } = App.useApp();
  const [current, setCurrent] = useState<AgreementView | null>(null);
  const [signing, setSigning] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const loaded = useRequest(() => agreementApi.get(campaignId, unitId), [campaignId, unitId]);
  const a = current ?? loaded.data;
  const changed = (next: AgreementView) => { setCurrent(next); setSigning(false); onChanged(); };
  const allowed = (action: AgreementAction) => !!a && agreementTransitions[action].from.includes(a.state) && agreementTransitions[action].roles.includes(account.role);
  const move = async (action: Exclude<AgreementAction, 'sign'>) => {
    if (!a) return;
    setBusy(action);
    try {
      changed(await agreementApi.transition(campaignId, unitId, { action, version: a.version }));
      void message.success(`已${agreementTransitions[action].label}`);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  const download = async () => {
    if (!a) return;
    try {
      await agreementApi.downloadDocx(campaignId, unitId, `${year}年度安全生产目标管理责任书（${a.unitName}）.docx`);
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  return (
    <Drawer open size={780} onClose={onClose} closable={{ 'aria-label': '关闭' }}
      title={a ? <Space>{`${a.unitName}责任书`}<Tag color={agreementStateColours[a.state]}>{agreementStateLabels[a.state]}</Tag></Space> : '责任书'}>
      {loaded.error && <Alert type="error" showIcon title={loaded.error} />}
      {!a && loaded.loading && <Skeleton active />}
      {a && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            {simpleActions.filter((s) => allowed(s.action)).map((s) => (
              <Button key={s.action} type={s.action === 'issue' ? 'primary' : 'default'} loading={busy === s.action} onClick={() => void move(s.action)} title={s.confirm || undefined}>
                {agreementTransitions[s.action].label}
              </Button>
            ))}
            {allowed('sign') && !signing && <Button type="primary" onClick={() => setSigning(true)}>{agreementTransitions.sign.label}</Button>}
            <Button onClick={() => void download()}>下载责任书</Button>
          </Space>
          {a.state === 'drafted' && allowed('issue')
            ? <Editor key={a.version} agreement={a} onSaved={changed} />
            : <ReadOnly a={a} />}
          {signing && allowed('sign') && <SignForm agreement={a} year={year} onSigned={changed} />}
        </>
      )}
    </Drawer>
  );
}
