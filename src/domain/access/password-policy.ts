/**
 * Minimum password strength for accounts: at least 10 characters, at least three of
 * lower-case, upper-case, digits and symbols, and not containing the user name.
 * Returns the first problem in Chinese, or null when the password is acceptable.
 */
export const minPasswordLength = 10;

export function passwordProblem(password: string, username: string): string | null {
  if ([...password].length < minPasswordLength) return `密码至少需要 ${minPasswordLength} 个字符。`;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码须包含小写字母、大写字母、数字、符号中的至少三类。';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return '密码不得包含用户名。';
  if (new Set(password).size < 5) return '密码中不同字符太少。';
  return null;
}
