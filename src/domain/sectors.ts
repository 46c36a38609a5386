/**
 * 行业领域: data files name sectors by short codes (e.g. `regulates: [construction]` in
 * units.yaml, `sector: road-traffic` on an accident); every text a person reads shows the
 * Chinese name. A sector entered by hand in Chinese is shown as it is.
 */
export const sectorLabels: Record<string, string> = {
  'agri-machinery': '农业机械',
  agriculture: '农业',
  chemicals: '化工',
  'civil-air-defence': '人民防空',
  'civil-explosives': '民用爆炸物品',
  commerce: '商贸',
  construction: '建筑施工',
  'culture-venue': '文化娱乐场所',
  energy: '能源',
  environment: '环境保护',
  fire: '消防',
  fireworks: '烟花爆竹',
  forestry: '林业',
  gas: '燃气',
  geology: '地质勘查',
  'grain-storage': '粮食仓储',
  'hazardous-chemicals': '危险化学品',
  housing: '房屋管理',
  industry: '工业',
  labour: '劳动用工',
  'lightning-protection': '防雷',
  market: '市场',
  medical: '医疗卫生',
  metallurgy: '冶金',
  mining: '矿山',
  'non-coal-mining': '非煤矿山',
  road: '公路',
  'road-traffic': '道路交通',
  'road-transport': '道路运输',
  school: '学校',
  services: '服务业',
  'special-equipment': '特种设备',
  tourism: '旅游',
  'urban-management': '城市管理',
  'vegetable-market': '蔬菜市场',
  water: '水利',
  'water-works': '水利工程',
  waterway: '水路运输',
};

export function sectorLabel(sector: string): string {
  return sectorLabels[sector] ?? sector;
}
