/** Whole yuan as Chinese readers write it in documents: 4200000 → "420万元", 6000 → "6000元". */
export function formatYuan(yuan: number): string {
  if (yuan !== 0 && yuan % 10_000 === 0) return `${yuan / 10_000}万元`;
  return `${yuan}元`;
}
