import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space } from 'antd';
import type { FormRule } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { hazardCreateSchema, hazardFoundWayLabels } from '../../../shared/schemas/hazard';
import type { HazardCreate } from '../../../shared/schemas/hazard';
import { errorMessage } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { zodRule } from '../../components/zod-rule';
import { useAccount } from '../../session/session';
import { hazardApi } from './api';
import type { HazardView } from './api';
import { PhotosInput } from './Photos';

const shape = hazardCreateSchema.shape;
const foundWayOptions = Object.entries(hazardFoundWayLabels).map(([value, label]) => ({ value, label }));

interface RecordForm {
  enterpriseId?: string;
  photosBefore?: string[];
  foundOn?: Dayjs;
  foundWay?: HazardCreate['foundWay'];
  foundBy?: string;
  place?: string;
  description?: string;
  enforcementDocumentNumbers?: string[];
}

/** 发现日期: a day, not after today (第16号令: a card records what has been found). */
const foundOnRule: FormRule = {
  validator: async (_rule, value: Dayjs | undefined) => {
    if (!value) throw new Error('请选择发现日期');
    if (value.isAfter(dayjs(), 'day')) throw new Error('发现日期不能晚于今天');
  },
};

/** 录入隐患: the card's facts as found; town, department and sector come from the enterprise's file. */
export function HazardForm({ enterpriseId, onClose, onSaved }: {
  enterpriseId?: string;
  onClose: () => void;
  onSaved: (hazard: HazardView) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordForm>();
  const me = useAccount();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [search, setSearch] = useState('');
  const enterprises = useRequest(() => hazardApi.enterprises(search || undefined), [search]);
  const enterpriseOptions = (enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.territorialUnitName}）` }));
  // Photos are files of the reader's own unit, or, for the office, of the enterprise's town.
  const chosen = Form.useWatch('enterpriseId', form);
  const uploadUnitId = me.unitId ?? enterprises.data?.items.find((e) => e.id === chosen)?.territorialUnitId;

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is wrong
    setSaving(true);
    setServerError(undefined);
    try {
      const saved = await hazardApi.record({
        enterpriseId: values.enterpriseId!, foundOn: values.foundOn!.format('YYYY-MM-DD'), foundWay: values.foundWay!,
        foundBy: values.foundBy!.trim(), place: values.place!.trim(), description: values.description!.trim(),
        enforcementDocumentNumbers: (values.enforcementDocumentNumbers ?? []).map((n) => n.trim()).filter((n) => n !== ''),
        photosBefore: values.photosBefore ?? [],
      });
      message.success('已录入隐患');
      onSaved(saved);
    } catch (failure) {
      setServerError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      title="录入隐患"
      size={720}
      onClose={onClose}
      destroyOnHidden
      closable={{ 'aria-label': '关闭' }}
      extra={(
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>录入</Button>
        </Space>
      )}
    >
      {serverError && <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} />}
      <Form<RecordForm> form={form} layout="vertical" aria-label="录入隐患" initialValues={{ enterpriseId, foundOn: dayjs(), foundWay: 'inspection' }}>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item label="生产经营单位" name="enterpriseId" required rules={[zodRule(shape.enterpriseId, '请选择存在隐患的生产经营单位')]}>
              <Select
                aria-label="生产经营单位" showSearch={{ filterOption: false, onSearch: setSearch }} placeholder="输入名称或信用代码查找"
                options={enterpriseOptions} loading={enterprises.loading} notFoundContent="没有找到该单位"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="发现日期" name="foundOn" required rules={[foundOnRule]}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} placeholder="选择日期" aria-label="发现日期" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="发现方式" name="foundWay" rules={[{ required: true, message: '请选择发现方式' }]}>
              <Select aria-label="发现方式" options={foundWayOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="发现人" name="foundBy" required rules={[zodRule(shape.foundBy, '请填写发现人或检查组')]}>
              <Input placeholder="如 区安监局执法二中队" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="隐患部位" name="place" required rules={[zodRule(shape.place, '请填写隐患部位')]}>
              <Input placeholder="如 配电室" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="隐患描述" name="description" required rules={[zodRule(shape.description, '请描述隐患情况')]}>
              <Input.TextArea rows={3} maxLength={2000} placeholder="如 配电箱未设防护门，线路私拉乱接" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="整改前照片" name="photosBefore" extra="可不填；JPEG 或 PNG，最多20张">
              <PhotosInput label="整改前照片" unitId={uploadUnitId} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="执法文书编号" name="enforcementDocumentNumbers" extra="可不填；输入编号后按回车，可填多个">
              <Select aria-label="执法文书编号" mode="tags" open={false} placeholder="如 周安监责改〔2026〕12号" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
