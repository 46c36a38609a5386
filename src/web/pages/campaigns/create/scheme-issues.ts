/**
 * The server words every problem of a scheme or unit list as “部分：路径：说明”, joined by
 * “；”, with “（另有 n 处）” when it shows only the first few (src/domain/scheme/validation-error.ts
 * formatIssue, src/server/modules/results/load-case.ts caseInvalid). This splits the message
 * back into issues so each is listed at its part and path.
 */
export interface SchemeIssue {
  /** 考核方案, 被考核单位 … or '' when the message names no part */
  part: string;
  /** the path in the file, e.g. categories[0].points; '' for the whole file */
  path: string;
  message: string;
}

export interface SplitIssues {
  issues: SchemeIssue[];
  /** “另有 n 处” */
  more: number;
}

const knownParts = ['考核方案', '被考核单位', '评分', '加减分与否决', '事故登记', '指标'];

export function splitIssues(text: string): SplitIssues {
  let rest = text.trim();
  let more = 0;
  const tail = /（另有 (\d+) 处）$/.exec(rest);
  if (tail) {
    more = Number(tail[1]);
    rest = rest.slice(0, tail.index);
  }
  const issues = rest.split('；').filter((s) => s.trim() !== '').map((piece): SchemeIssue => {
    const parts = piece.split('：');
    if (parts.length >= 3 && knownParts.includes(parts[0]!)) {
      return { part: parts[0]!, path: parts[1]!, message: parts.slice(2).join('：') };
    }
    if (parts.length >= 2 && knownParts.includes(parts[0]!)) return { part: parts[0]!, path: '', message: parts.slice(1).join('：') };
    return { part: '', path: '', message: piece };
  });
  return { issues, more };
}
