import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../src/domain/access/password-policy';

describe('passwordProblem', () => {
  it.each([
    ['Zhoucun@2014', 'admin', null],
    ['Short1!', 'admin', '密码至少需要 10 个字符。'],
    ['alllowercaseletters', 'admin', '密码须包含小写字母、大写字母、数字、符号中的至少三类。'],
    ['lowercase123456', 'admin', '密码须包含小写字母、大写字母、数字、符号中的至少三类。'],
    ['Lowercase123456', 'admin', null],
    ['MyAdmin-2014x', 'admin', '密码不得包含用户名。'],
    ['Aa1!Aa1!Aa1!', 'bob', '密码中不同字符太少。'],
    ['安全生产Abc12345', 'admin', null],
  ])('%s (user %s)', (password, username, expected) => {
    expect(passwordProblem(password, username)).toBe(expected);
  });
});
