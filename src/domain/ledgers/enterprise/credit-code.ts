// 统一社会信用代码 (GB 32100-2015《法人和其他组织统一社会信用代码编码规则》).
//
// 18 characters: 登记管理部门代码 (1) + 机构类别代码 (1) + 登记管理机关行政区划码 (6 digits,
// GB/T 2260) + 主体标识码 (9, the former 组织机构代码) + 校验码 (1).
// Character set (表1): 0–9 and the capitals except I, O, S, V, Z — 31 characters valued 0–30.
// Check character: C18 = 31 − MOD(Σ Ci × Wi, 31) for i = 1..17, with Wi = MOD(3^(i−1), 31);
// a result of 31 is written as 0. The standard's worked example: 91350100M000100Y4 → 3.

import type { Refusal } from '../shared/result.ts';
import { refuse } from '../shared/result.ts';

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Wi = MOD(3^(i−1), 31) for i = 1..17: 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k += 1) w = (w * 3) % 31;
  return w;
});

export type CreditCodeResult = { readonly ok: true; readonly code: string } | Refusal;

function charValue(ch: string): number {
  return CREDIT_CODE_CHARSET.indexOf(ch);
}

/**
 * The check character for the first 17 characters, or null when they are not 17 characters of the
 * code's character set.
 */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const v = charValue(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (CREDIT_CODE_WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET.charAt(check);
}

/**
 * Validates a 统一社会信用代码. Surrounding blanks are ignored and lower-case letters accepted
 * (people type them); the normalised code is returned. Each refusal names what is wrong.
 */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = input.trim().toUpperCase();
  if (code.length === 0) return refuse('creditCode.empty', '统一社会信用代码不能为空。');
  const chars = Array.from(code);
  if (chars.length !== 18) {
    return refuse('creditCode.length', `统一社会信用代码应为18位，实为${chars.length}位。`);
  }
  for (let i = 0; i < 18; i += 1) {
    const ch = chars[i] as string;
    if (charValue(ch) < 0) {
      const hint = /[IOSVZ]/.test(ch)
        ? '（代码不使用字母 I、O、S、V、Z）'
        : '（只能是数字0—9或除 I、O、S、V、Z 以外的大写字母）';
      return refuse('creditCode.character', `统一社会信用代码第${i + 1}位字符“${ch}”不合法${hint}。`);
    }
  }
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division)) {
    return refuse(
      'creditCode.division',
      `统一社会信用代码第3—8位应为6位数字的登记管理机关行政区划码，实为“${division}”。`,
    );
  }
  const expected = creditCodeCheckChar(code.slice(0, 17)) as string;
  const actual = code.charAt(17);
  if (expected !== actual) {
    return refuse(
      'creditCode.checkChar',
      `统一社会信用代码校验码错误：第18位为“${actual}”，按 GB 32100-2015 由前17位计算应为“${expected}”，请核对代码是否录入有误。`,
    );
  }
  return { ok: true, code };
}
