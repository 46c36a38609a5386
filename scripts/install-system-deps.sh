#!/usr/bin/env bash
# Installs the Debian packages the test suite needs when they are missing.
# As root it installs them with apt; otherwise it names what is missing and stops.
set -euo pipefail

need=()
# PostgreSQL server binaries for the PostgreSQL test tier.
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
# Debian's Chromium for the browser tests (playwright-core drives /usr/bin/chromium; its own
# browser download cannot work here), and a Chinese font so pages render characters, not boxes.
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "缺少系统软件包：${need[*]}。请以 root 运行本脚本，或执行：sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "安装系统软件包：${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}"
