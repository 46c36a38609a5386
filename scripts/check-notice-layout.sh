#!/usr/bin/env bash
# Renders the generated documents as a person would see them: the 2014 周村 notice (as issued,
# and as a watermarked draft with a red header), an agreement and score sheets are written as
# DOCX, converted to PDF by LibreOffice headless and rendered to PNG pages under
# .tmp/notice-layout/ for a look (boxes instead of Chinese characters, overlaps, a layout that
# would not pass for an official notice under GB/T 9704-2012).
#
# Needs the Debian packages libreoffice-writer, fonts-wqy-microhei and poppler-utils; as root
# it installs the missing ones, otherwise it names them and stops. The official fonts
# (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体) are not free: without them LibreOffice
# substitutes WenQuanYi Micro Hei, so the check is about layout and glyph coverage, not faces.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/.tmp/notice-layout}"

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer)
fc-list 2>/dev/null | grep -qi 'WenQuanYi Micro Hei' || need+=(fonts-wqy-microhei)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "缺少系统软件包：${need[*]}。请以 root 运行本脚本，或执行：sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  echo "安装系统软件包：${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

rm -rf "$out"
mkdir -p "$out"
cd "$root"
npx tsx scripts/check-notice-layout.ts "$out"
# The score sheets of the 2014 周村 case as the CLI writes them: one page for each of 38 units.
npx tsx src/cli/main.ts export examples/zhoucun-2014 --out "$out/results-2014.xlsx" --sheets "$out/score-sheets-2014.docx" >/dev/null

# A private profile so a desktop LibreOffice that is open does not swallow the conversion.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
(cd "$out" && soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" ./*.docx >/dev/null)

status=0
for pdf in "$out"/*.pdf; do
  base="$(basename "$pdf" .pdf)"
  pdftoppm -r 80 -png "$pdf" "$out/$base"
  pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
  size="$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')"
  echo "$base.pdf：$pages 页，$size"
  # GB/T 9704-2012 5.2.1: A4 is 595 × 842 pt.
  case "$size" in
    595.*x\ 841.*|595.*x\ 842.*) ;;
    *) echo "  页面不是 A4：$size" >&2; status=1 ;;
  esac
  # Characters the fonts could not show come out as U+FFFD or are dropped: compare the text.
  if pdftotext "$pdf" - | grep -q $'\xef\xbf\xbd'; then
    echo "  有无法显示的字符（U+FFFD）" >&2
    status=1
  fi
done
if ! pdftotext "$out/notice-2014.pdf" - | tr -d ' \n' | grep -q '在被考核的38个单位中，考核分数在80分以上的有34个，占89.47%'; then
  echo "notice-2014.pdf 中找不到统计句" >&2
  status=1
fi
if [ "$(pdfinfo "$out/score-sheets-2014.pdf" | awk '/^Pages:/ {print $2}')" != 38 ]; then
  echo "score-sheets-2014.pdf 应为每个单位一页（38 页）" >&2
  status=1
fi
# One page per unit: the sample has two units.
if [ "$(pdfinfo "$out/score-sheets.pdf" | awk '/^Pages:/ {print $2}')" != 2 ]; then
  echo "score-sheets.pdf 应为每个单位一页（2 页）" >&2
  status=1
fi
echo "PNG 页面：$out"
exit $status
