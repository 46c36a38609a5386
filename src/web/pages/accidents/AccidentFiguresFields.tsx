import { Col, Form, InputNumber, Row } from 'antd';
import { accidentFiguresSchema } from '../../../shared/schemas/accident';
import { zodRule } from '../../components/zod-rule';
import { LiveGrade } from './grade';

const shape = accidentFiguresSchema.shape;

/**
 * 死亡、重伤、直接经济损失 and the grade they reach (国务院令第493号第三条), as typed: the same
 * fields when an accident is recorded and when its figures are updated (补报). Lives inside a
 * Form whose fields are named deaths, seriousInjuries and directLoss.
 */
export function AccidentFiguresFields() {
  const form = Form.useFormInstance();
  const deaths = Form.useWatch('deaths', form);
  const seriousInjuries = Form.useWatch('seriousInjuries', form);
  const directLoss = Form.useWatch('directLoss', form);
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item label="死亡人数" name="deaths" rules={[zodRule(shape.deaths, '请输入死亡人数（无死亡填 0）')]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} suffix="人" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="重伤人数（含急性工业中毒）" name="seriousInjuries" rules={[zodRule(shape.seriousInjuries)]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} suffix="人" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="直接经济损失" name="directLoss" rules={[zodRule(shape.directLoss)]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} suffix="元" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <div style={{ marginBottom: 16 }}>
          <LiveGrade deaths={deaths} seriousInjuries={seriousInjuries} directLoss={directLoss} />
        </div>
      </Col>
    </Row>
  );
}
