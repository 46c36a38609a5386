import { Alert, App, Col, Divider, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { contactPhoneSchema, unitCategoryLabels, unitCategorySchema, unitContactsSchema, unitPatchSchema } from '../../../shared/schemas/unit';
import type { UnitContacts, UnitView } from '../../../shared/schemas/unit';
import { api, errorMessage } from '../../api/client';
import { zodRule } from '../../components/zod-rule';
import { sectorLabels } from '../../labels';

type Category = UnitView['category'];

const categoryOptions = unitCategorySchema.options.map((value) => ({ value, label: unitCategoryLabels[value] }));
const sectorOptions = Object.entries(sectorLabels).map(([value, label]) => ({ value, label }));

/** The form's flat fields for a unit's people; an empty field is no value. */
interface ContactFields {
  principalName?: string; principalPost?: string;
  deputyName?: string; deputyPost?: string;
  contactName?: string; contactPhone?: string;
}

interface EditForm extends ContactFields {
  name: string;
  category: Category;
  sectors: string[];
  sortOrder: number;
}

const filled = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);

/** The people as the server keeps them: a role is present when its name is. */
export function contactsOf(f: ContactFields): UnitContacts {
  const principal = filled(f.principalName);
  const deputy = filled(f.deputyName);
  const contact = filled(f.contactName);
  const phone = filled(f.contactPhone);
  const post = (p: string | undefined) => (filled(p) ? { post: filled(p)! } : {});
  return {
    ...(principal ? { principal: { name: principal, ...post(f.principalPost) } } : {}),
    ...(deputy ? { deputy: { name: deputy, ...post(f.deputyPost) } } : {}),
    ...(contact || phone ? { contact: { ...(contact ? { name: contact } : {}), ...(phone ? { phone } : {}) } } : {}),
  };
}

const shape = unitContactsSchema.shape;
const principal = shape.principal.unwrap().shape;
const deputy = shape.deputy.unwrap().shape;
const contactName = shape.contact.unwrap().shape.name.unwrap();
/** Checks a field with the server's schema when filled; empty is allowed (the role is then left out). */
const optional = (schema: z.ZodType) => ({
  validator: async (_rule: unknown, value: string | undefined) => {
    if (filled(value) === undefined) return;
    const result = schema.safeParse(value);
    if (!result.success) throw new Error(result.error.issues[0]?.message ?? '输入不正确');
  },
});
/** A post says whose it is: without the name it is refused, as the server would. */
const needsName = (nameField: keyof ContactFields, message: string) => ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
  validator: async (_rule: unknown, value: string | undefined) => {
    if (filled(value) !== undefined && filled(getFieldValue(nameField) as string | undefined) === undefined) throw new Error(message);
  },
});

/** Edits a unit of the registry: name, category, sectors, order and its people (负责人与联系人). */
export function EditUnit({ unit, onClose, onSaved }: { unit: UnitView; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<EditForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const save = async () => {
    let values: EditForm;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows each refused field
    }
    setSaving(true);
    setError(null);
    try {
      const { name, category, sectors, sortOrder } = values;
      await api.patch(`/api/units/${encodeURIComponent(unit.id)}`, { version: unit.version, name, category, sectors, sortOrder, contacts: contactsOf(values) });
      message.success('已保存');
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  const c = unit.contacts;
  return (
    <Modal open title={`编辑单位：${unit.name}`} okText="保存" cancelText="取消" onOk={() => void save()} onCancel={onClose} confirmLoading={saving} destroyOnHidden width={640}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<EditForm>
        form={form}
        layout="vertical"
        initialValues={{
          name: unit.name, category: unit.category, sectors: unit.sectors, sortOrder: unit.sortOrder,
          principalName: c.principal?.name, principalPost: c.principal?.post,
          deputyName: c.deputy?.name, deputyPost: c.deputy?.post,
          contactName: c.contact?.name, contactPhone: c.contact?.phone,
        }}
      >
        <Form.Item label="单位名称" name="name" rules={[zodRule(unitPatchSchema.shape.name.unwrap(), '请输入单位名称')]}>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label="类别" name="category" rules={[{ required: true, message: '请选择类别' }]}>
              <Select options={categoryOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="排序" name="sortOrder" rules={[zodRule(unitPatchSchema.shape.sortOrder.unwrap(), '请输入排序号')]}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="监管行业领域" name="sectors" rules={[zodRule(unitPatchSchema.shape.sectors.unwrap())]}>
          <Select mode="tags" placeholder="选择，或输入新的行业领域后按回车" options={sectorOptions} optionFilterProp="label" tokenSeparators={['、', '，', ',']} />
        </Form.Item>
        <Divider titlePlacement="start" plain>负责人与联系人（起草责任书时带入签订人）</Divider>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label="主要负责人" name="principalName" rules={[optional(principal.name)]}><Input placeholder="姓名" /></Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="主要负责人职务" name="principalPost" dependencies={['principalName']} rules={[optional(principal.post.unwrap()), needsName('principalName', '请先填写主要负责人姓名')]}>
              <Input placeholder="如：镇长" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="分管负责人" name="deputyName" rules={[optional(deputy.name)]}><Input placeholder="姓名" /></Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="分管负责人职务" name="deputyPost" dependencies={['deputyName']} rules={[optional(deputy.post.unwrap()), needsName('deputyName', '请先填写分管负责人姓名')]}>
              <Input placeholder="如：副镇长" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="联系人" name="contactName" rules={[optional(contactName)]}><Input placeholder="姓名" /></Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="联系电话" name="contactPhone" rules={[optional(contactPhoneSchema)]}>
              <Input placeholder="如：0533-6181234" inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
