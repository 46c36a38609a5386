import { Space, Tag, Typography } from 'antd';
import { accidentGradeLabels, accidentGradeRule, gradeAccident } from '../../../domain/accidents/grade';
import type { AccidentGrade } from '../../../domain/accidents/grade';

export const gradeColours: Record<AccidentGrade, string> = {
  general: 'blue',
  larger: 'orange',
  major: 'red',
  especiallyMajor: 'magenta',
};

export function GradeTag({ grade }: { grade: AccidentGrade }) {
  return <Tag color={gradeColours[grade]}>{accidentGradeLabels[grade]}事故</Tag>;
}

const asCount = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0);

/**
 * The grade the figures typed so far reach, computed in the browser by the same domain rule
 * the server applies (国务院令第493号第三条), with the figures that decide it.
 */
export function LiveGrade({ deaths, seriousInjuries, directLoss }: { deaths: unknown; seriousInjuries: unknown; directLoss: unknown }) {
  const { grade, reasons } = gradeAccident({ deaths: asCount(deaths), seriousInjuries: asCount(seriousInjuries), directLoss: asCount(directLoss) });
  return (
    <div data-testid="live-grade" aria-live="polite">
      <Space wrap size={4}>
        <span>事故等级：</span>
        <GradeTag grade={grade} />
        <Typography.Text type="secondary">
          {reasons.length > 0 ? `依据：${reasons.join('；')}` : '各项数字均未达到较大事故标准'}
        </Typography.Text>
      </Space>
      <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>按{accidentGradeRule}自动认定，不能手工选择</Typography.Text></div>
    </div>
  );
}
