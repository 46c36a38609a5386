import { describe, expect, test } from 'vitest';
import { fieldsNamed } from '../../src/web/pages/hazards/field-errors';

describe('fieldsNamed', () => {
  const labels = { measures: '整改措施', responsiblePerson: '整改责任人', deadline: '整改期限', person: '责任人' };

  test('every field the refusal names, a longer label not also taken for the shorter one inside it', () => {
    expect(fieldsNamed('开始整改缺少：整改措施、整改责任人。', labels).sort()).toEqual(['measures', 'responsiblePerson']);
  });

  test('a field named on its own is found', () => {
    expect(fieldsNamed('整改期限2026-01-01早于今天2026-12-07。', labels)).toEqual(['deadline']);
    expect(fieldsNamed('尚未到位：责任人', labels)).toEqual(['person']);
  });

  test('a message naming no field names none', () => {
    expect(fieldsNamed('该隐患已被他人办理，请刷新后重试。', labels)).toEqual([]);
  });
});
