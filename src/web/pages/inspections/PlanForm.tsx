import { App, Button, Drawer, Form, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { inspectionKindLabels, inspectionKindSchema } from '../../../shared/schemas/inspection';
import type { InspectionCreate } from '../../../shared/schemas/inspection';
import { errorMessage } from '../../api/client';
import { withFieldNames } from '../../field-errors';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { sectorLabels } from '../../labels';
import { inspectionApi } from './api';
import type { InspectionView } from './api';
import { chinaToday, inspectionFieldLabels } from './inspection-form';
import { DayInput } from '../../components/DayInput';

interface PlanValues {
  enterpriseId?: string;
  kind?: InspectionCreate['kind'];
  plannedOn?: string;
  checklistSector?: string;
}

const kindOptions = inspectionKindSchema.options.map((value) => ({ value, label: inspectionKindLabels[value] }));
const sectorOptions = Object.entries(sectorLabels).map(([value, label]) => ({ value, label }));

/** 制定检查计划: one enterprise, the way (执法检查 or 专家查隐患), the day, and the checklist's sector. */
export function PlanForm({ onClose, onSaved }: { onClose: () => void; onSaved: (i: InspectionView) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: PlanValues) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await inspectionApi.plan({
        enterpriseId: v.enterpriseId!, kind: v.kind!, plannedOn: (v.plannedOn ?? '').trim(),
        ...(v.checklistSector ? { checklistSector: v.checklistSector } : {}),
      });
      void message.success(`已制定对“${saved.enterpriseName}”的检查计划。`);
      onSaved(saved);
    } catch (failure) {
      setError(withFieldNames(errorMessage(failure), inspectionFieldLabels));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open title="制定检查计划" size={520} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={saving} onClick={() => form.submit()}>制定</Button></Space>}>
      <Form<PlanValues> form={form} layout="vertical" initialValues={{ kind: 'inspection', plannedOn: chinaToday(new Date()) }} onFinish={(v) => void submit(v)}>
        {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
        <Form.Item name="enterpriseId" label="被检查的生产经营单位" rules={[{ required: true, message: '请选择生产经营单位' }]}>
          <EnterpriseSelect aria-label="被检查的生产经营单位" />
        </Form.Item>
        <Form.Item name="kind" label="检查方式" rules={[{ required: true, message: '请选择检查方式' }]}
          extra="专家查隐患须先从专家库随机抽取专家，再登记检查记录">
          <Radio.Group aria-label="检查方式" options={kindOptions} />
        </Form.Item>
        <Form.Item name="plannedOn" label="计划检查日期" rules={[{ required: true, message: '请填写计划检查日期' }]}>
          <DayInput aria-label="计划检查日期" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="checklistSector" label="检查表所属行业领域" extra="不选则按企业档案中的行业领域">
          <Select aria-label="检查表所属行业领域" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="按企业的行业领域" options={sectorOptions} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
