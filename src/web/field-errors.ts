/**
 * The server names a bad field by its path in the request (`请求体字段“unavailable.0.to”：…`,
 * src/server/error-handler.ts), which is a code, not words. A form passes the Chinese names of
 * its fields and the message is shown with them: “不能参加检查的期间第1项的终止日期：…”. A path
 * with a part the form does not name reads 填写的内容, so no code reaches the screen.
 */
export function withFieldNames(message: string, labels: Readonly<Record<string, string>>): string {
  return message.replace(/请求体字段“([^”]*)”/g, (_all, path: string) => {
    let text = '';
    let afterIndex = false;
    for (const part of path.split('.')) {
      if (/^\d+$/.test(part)) {
        text += `第${Number(part) + 1}项`;
        afterIndex = true;
        continue;
      }
      const label = Object.hasOwn(labels, part) ? labels[part] : undefined;
      if (!label) return '填写的内容';
      text += (afterIndex ? '的' : '') + label;
      afterIndex = false;
    }
    return text === '' ? '填写的内容' : text;
  });
}
