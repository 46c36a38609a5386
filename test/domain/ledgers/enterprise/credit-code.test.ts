import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_WEIGHTS,
  creditCodeCheckChar,
  validateCreditCode,
} from '../../../../src/domain/ledgers/enterprise/credit-code.ts';

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
  it('uses the weights of 表2', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  // Hand-computed: the standard's worked example sums to 1640, 1640 mod 31 = 28, 31 − 28 = 3.
  // 12370303004312345 sums to 837 = 27 × 31, so 31 − 0 = 31 is written as 0.
  it.each([
    ['91350100M000100Y4', '3'],
    ['12370303004312345', '0'],
  ])('%s → %s', (prefix, check) => {
    expect(creditCodeCheckChar(prefix)).toBe(check);
  });

  it('returns null for a wrong length or a character outside the set', () => {
    expect(creditCodeCheckChar('91350100M000100Y')).toBeNull();
    expect(creditCodeCheckChar('91350100M000100I4')).toBeNull();
  });
});

describe('validateCreditCode', () => {
  it.each([
    ['91350100M000100Y43', '91350100M000100Y43'],
    ['  91350100m000100y43 ', '91350100M000100Y43'],
    ['123703030043123450', '123703030043123450'],
  ])('accepts %j as %s', (input, code) => {
    expect(validateCreditCode(input)).toEqual({ ok: true, code });
  });

  it.each([
    ['', 'creditCode.empty', '统一社会信用代码不能为空。'],
    ['91350100M000100Y4', 'creditCode.length', '统一社会信用代码应为18位，实为17位。'],
    ['91350100M000100Y433', 'creditCode.length', '统一社会信用代码应为18位，实为19位。'],
    ['91350100M0001O0Y43', 'creditCode.character', '统一社会信用代码第14位字符“O”不合法（代码不使用字母 I、O、S、V、Z）。'],
    ['9135010-M000100Y43', 'creditCode.character', '统一社会信用代码第8位字符“-”不合法（只能是数字0—9或除 I、O、S、V、Z 以外的大写字母）。'],
    ['9135A100M000100Y43', 'creditCode.division', '统一社会信用代码第3—8位应为6位数字的登记管理机关行政区划码，实为“35A100”。'],
    [
      '91350100M000100Y4Z',
      'creditCode.character',
      '统一社会信用代码第18位字符“Z”不合法（代码不使用字母 I、O、S、V、Z）。',
    ],
    [
      '91350100M000100Y44',
      'creditCode.checkChar',
      '统一社会信用代码校验码错误：第18位为“4”，按 GB 32100-2015 由前17位计算应为“3”，请核对代码是否录入有误。',
    ],
  ])('refuses %j', (input, code, messageZh) => {
    expect(validateCreditCode(input)).toEqual({ ok: false, code, messageZh });
  });

  const charArb = fc.constantFrom(...CREDIT_CODE_CHARSET.split(''));
  const prefixArb = fc
    .tuple(
      fc.array(charArb, { minLength: 2, maxLength: 2 }),
      fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: 6, maxLength: 6 }),
      fc.array(charArb, { minLength: 9, maxLength: 9 }),
    )
    .map(([a, b, c]) => [...a, ...b, ...c].join(''));

  it('accepts every well-formed prefix followed by its check character', () => {
    fc.assert(
      fc.property(prefixArb, (prefix) => {
        const code = prefix + creditCodeCheckChar(prefix)!;
        expect(validateCreditCode(code)).toEqual({ ok: true, code });
      }),
    );
  });

  it('detects every single-character substitution (31 is prime and no weight is 0 mod 31)', () => {
    fc.assert(
      fc.property(prefixArb, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }), (prefix, pos, shift) => {
        const code = prefix + creditCodeCheckChar(prefix)!;
        const old = CREDIT_CODE_CHARSET.indexOf(code.charAt(pos));
        let replacement = CREDIT_CODE_CHARSET.charAt((old + shift) % 31);
        if (pos >= 2 && pos <= 7) {
          // keep the 行政区划码 numeric so that the check character is what is tested
          replacement = String((Number(code.charAt(pos)) + (shift % 9) + 1) % 10);
        }
        const altered = code.slice(0, pos) + replacement + code.slice(pos + 1);
        const result = validateCreditCode(altered);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.code).toBe('creditCode.checkChar');
      }),
    );
  });
});
