#!/usr/bin/env bash
# Debian packages the tests need: Chromium (end-to-end), CJK fonts (or every Chinese glyph is a
# box), Liberation fonts (metric-compatible Times New Roman / Arial: the documents name Times New
# Roman for Latin text, and the fallback DejaVu is wider, so lines wrap differently), LibreOffice
# + poppler (documents are converted to PDF and read back), PostgreSQL's server (the county
# centre's store: its tests start a throwaway cluster; the package's own cluster is not used) and
# openssl (the throwaway cluster's certificates). Installs only what is missing; does nothing when
# all are present.
set -euo pipefail

packages=(chromium fonts-noto-cjk fonts-liberation2 poppler-utils libreoffice-writer-nogui postgresql openssl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "系统依赖已齐全：${packages[*]}"
  exit 0
fi

echo "安装系统依赖：${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "缺少系统依赖且无权安装，请以 root 运行：apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
