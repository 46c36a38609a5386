/**
 * Accident grades per 《生产安全事故报告和调查处理条例》（国务院令第493号）第三条.
 * An accident takes the highest grade that any one of its three figures reaches.
 * 第三条第二款："所称的'以上'包括本数，所称的'以下'不包括本数" — so every threshold is inclusive
 * on the lower end of a grade.
 */
export const accidentGrades = ['general', 'larger', 'major', 'especiallyMajor'] as const;
export type AccidentGrade = (typeof accidentGrades)[number];

export const accidentGradeLabels: Record<AccidentGrade, string> = {
  general: '一般',
  larger: '较大',
  major: '重大',
  especiallyMajor: '特别重大',
};

export interface AccidentFigures {
  deaths: number;
  /** 重伤（包括急性工业中毒）人数 */
  seriousInjuries: number;
  /** 直接经济损失，元 */
  directLoss: number;
}

type Figure = keyof AccidentFigures;

/** Lower bounds (inclusive) of each grade above 一般, by figure. 第三条第一款（一）至（三）. */
const thresholds: Record<Exclude<AccidentGrade, 'general'>, Record<Figure, number>> = {
  especiallyMajor: { deaths: 30, seriousInjuries: 100, directLoss: 100_000_000 },
  major: { deaths: 10, seriousInjuries: 50, directLoss: 50_000_000 },
  larger: { deaths: 3, seriousInjuries: 10, directLoss: 10_000_000 },
};

const figureLabels: Record<Figure, string> = {
  deaths: '死亡',
  seriousInjuries: '重伤（含急性工业中毒）',
  directLoss: '直接经济损失',
};

export interface AccidentGrading {
  grade: AccidentGrade;
  /** Which figures reached the grade, e.g. ["死亡3人 ≥ 3人"]; empty for 一般. */
  reasons: string[];
}

export function gradeIndex(grade: AccidentGrade): number {
  return accidentGrades.indexOf(grade);
}

/** True when `grade` is `atLeast` or more serious. */
export function gradeAtLeast(grade: AccidentGrade, atLeast: AccidentGrade): boolean {
  return gradeIndex(grade) >= gradeIndex(atLeast);
}

export function gradeAccident(figures: AccidentFigures): AccidentGrading {
  for (const grade of ['especiallyMajor', 'major', 'larger'] as const) {
    const bounds = thresholds[grade];
    const reasons: string[] = [];
    for (const figure of ['deaths', 'seriousInjuries', 'directLoss'] as const) {
      if (figures[figure] >= bounds[figure]) {
        reasons.push(`${figureLabels[figure]}${formatFigure(figure, figures[figure])} ≥ ${formatFigure(figure, bounds[figure])}`);
      }
    }
    if (reasons.length > 0) return { grade, reasons };
  }
  return { grade: 'general', reasons: [] };
}

function formatFigure(figure: Figure, value: number): string {
  if (figure === 'directLoss') {
    return value % 10_000 === 0 ? `${value / 10_000}万元` : `${value}元`;
  }
  return `${value}人`;
}

/** Chinese description of the rule, for traces. */
export const accidentGradeRule = '国务院令第493号第三条（以上含本数，以下不含本数）';
