import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import {
  creditCodeSchema, enterpriseSizeLabels, enterpriseSizes, standardisationLevelLabels,
} from '../../../shared/schemas/enterprise';
import type { EnterpriseView } from '../../../shared/schemas/enterprise';
import { errorMessage } from '../../api/client';
import { zodRule } from '../../components/zod-rule';
import { useAccount } from '../../session/session';
import { sectorOptions } from '../accidents/AccidentForm';
import { enterpriseApi, fieldMessages } from './api';
import type { UnitView } from './api';

const sizeOptions = enterpriseSizes.map((value) => ({ value, label: enterpriseSizeLabels[value] }));
const levelOptions = (['level1', 'level2', 'level3', 'none'] as const).map((value) => ({ value, label: standardisationLevelLabels[value] }));

interface LicenceRow { kind?: string; number?: string; validity?: [Dayjs, Dayjs] }
interface EnterpriseForm {
  name?: string;
  creditCode?: string;
  address?: string;
  legalRepresentative?: string;
  sector?: string;
  size?: EnterpriseView['size'];
  territorialUnitId?: string;
  regulatingUnitId?: string;
  standardisationLevel?: NonNullable<EnterpriseView['standardisationLevel']>;
  licences?: LicenceRow[];
}

const required = (message: string) => [{ required: true, whitespace: true, message }];
const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');

function initialOf(e: EnterpriseView | undefined): EnterpriseForm {
  if (!e) return { licences: [] };
  return {
    name: e.name, creditCode: e.creditCode, address: e.address, legalRepresentative: e.legalRepresentative, sector: e.sector, size: e.size,
    territorialUnitId: e.territorialUnitId, regulatingUnitId: e.regulatingUnitId, standardisationLevel: e.standardisationLevel ?? undefined,
    licences: e.licences.map((l) => ({ kind: l.kind, number: l.number, validity: [dayjs(l.validFrom), dayjs(l.validTo)] })),
  };
}

/** 登记 or 修改 an enterprise's file (一企一档); the credit code is checked as typed (GB 32100-2015). */
export function EnterpriseForm({ enterprise, units, onClose, onSaved }: {
  enterprise?: EnterpriseView;
  units: readonly UnitView[];
  onClose: () => void;
  onSaved: (e: EnterpriseView) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterpriseForm>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const me = useAccount();
  // A liaison keeps the files of its own unit: its own side is fixed, the other is any unit of the district.
  const own = me.role === 'unitLiaison' ? units.find((u) => u.id === me.unitId) : undefined;
  const mine = (u: UnitView, territorial: boolean) => !own || (own.category === 'territorial') !== territorial || u.id === own.id;
  const towns = units.filter((u) => u.category === 'territorial' && mine(u, true)).map((u) => ({ value: u.id, label: u.name }));
  const departments = units.filter((u) => u.category !== 'territorial' && mine(u, false)).map((u) => ({ value: u.id, label: u.name }));
  const title = enterprise ? '修改企业档案' : '登记企业';
  // The units may arrive after the form opens: its own side is set once they do, if still empty.
  const ownField = own ? (own.category === 'territorial' ? 'territorialUnitId' : 'regulatingUnitId') : undefined;
  useEffect(() => {
    if (own && ownField && !enterprise && !form.getFieldValue(ownField)) form.setFieldValue(ownField, own.id);
  }, [own, ownField, enterprise, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is wrong
    const fields = {
      name: v.name!.trim(), creditCode: v.creditCode!.trim(), address: v.address!.trim(), legalRepresentative: v.legalRepresentative!.trim(),
      sector: v.sector!, size: v.size!, territorialUnitId: v.territorialUnitId!, regulatingUnitId: v.regulatingUnitId!,
      standardisationLevel: v.standardisationLevel ?? null,
      licences: (v.licences ?? []).map((l) => ({ kind: l.kind!.trim(), number: l.number!.trim(), validFrom: ymd(l.validity![0]), validTo: ymd(l.validity![1]) })),
    };
    setSaving(true);
    setServerError(undefined);
    try {
      const saved = enterprise
        ? await enterpriseApi.update(enterprise.id, { ...fields, version: enterprise.version })
        : await enterpriseApi.create(fields);
      message.success(enterprise ? '已保存企业档案' : '已登记企业');
      onSaved(saved);
    } catch (failure) {
      const text = errorMessage(failure);
      setServerError(text);
      // 字段“creditCode”：…: each message under its field (licences.N under the licence list).
      form.setFields(fieldMessages(text).map(({ field, message: m }) => {
        const [head, index] = field.split('.');
        return { name: head === 'licences' && index !== undefined ? ['licences', Number(index), 'kind'] : head!, errors: [m] };
      }) as Parameters<typeof form.setFields>[0]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open title={title} size={760} onClose={onClose} destroyOnHidden closable={{ 'aria-label': '关闭' }}
      extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={saving} onClick={() => void save()}>保存</Button></Space>}
    >
      {serverError && <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} />}
      <Form<EnterpriseForm> form={form} layout="vertical" aria-label={title} initialValues={initialOf(enterprise)}>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item label="单位名称" name="name" rules={required('请填写单位名称')}><Input maxLength={200} /></Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label="统一社会信用代码" name="creditCode" required rules={[zodRule(creditCodeSchema, '请填写统一社会信用代码')]} validateTrigger="onBlur">
              <Input maxLength={18} placeholder="18位，如 91370306MA3C…" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item label="地址" name="address" rules={required('请填写地址')}><Input maxLength={300} /></Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label="法定代表人" name="legalRepresentative" rules={required('请填写法定代表人')}><Input maxLength={50} /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="行业领域" name="sector" rules={[{ required: true, message: '请选择行业领域' }]}>
              <Select aria-label="行业领域" showSearch={{ optionFilterProp: 'label' }} options={sectorOptions} placeholder="选择行业领域" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="企业规模" name="size" rules={[{ required: true, message: '请选择企业规模' }]}>
              <Select aria-label="企业规模" options={sizeOptions} placeholder="选择规模" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="所属镇（街道）" name="territorialUnitId" rules={[{ required: true, message: '请选择所属镇（街道）' }]}>
              <Select aria-label="所属镇（街道）" showSearch={{ optionFilterProp: 'label' }} options={towns} placeholder="选择镇（街道）" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="行业监管部门" name="regulatingUnitId" rules={[{ required: true, message: '请选择行业监管部门' }]}>
              <Select aria-label="行业监管部门" showSearch={{ optionFilterProp: 'label' }} options={departments} placeholder="选择监管部门" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="安全生产标准化等级" name="standardisationLevel">
              <Select aria-label="安全生产标准化等级" allowClear options={levelOptions} placeholder="未填写" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>许可证</Typography.Title>
        <Form.List name="licences">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <Row gutter={8} key={row.key} align="top">
                  <Col xs={24} md={7}>
                    <Form.Item name={[row.name, 'kind']} rules={required('请填写许可证名称')}><Input placeholder="许可证名称" aria-label="许可证名称" maxLength={100} /></Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item name={[row.name, 'number']} rules={required('请填写证书编号')}><Input placeholder="证书编号" aria-label="证书编号" maxLength={100} /></Form.Item>
                  </Col>
                  <Col xs={20} md={8}>
                    <Form.Item name={[row.name, 'validity']} rules={[{ required: true, message: '请选择有效期' }]}>
                      <DatePicker.RangePicker format="YYYY-MM-DD" placeholder={['有效期起', '有效期止']} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}><Button type="link" danger onClick={() => remove(row.name)}>删除</Button></Col>
                </Row>
              ))}
              <Button onClick={() => add({})}>添加许可证</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
