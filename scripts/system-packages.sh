#!/usr/bin/env bash
# The Debian packages the browser tests and document conversion need (Chromium, LibreOffice Writer,
# poppler, CJK fonts, HarfBuzz subsetting for PDF fonts, gettext). Installs only what is missing,
# or the packages named as arguments, as root or through sudo; says exactly what to run when it cannot.
set -euo pipefail

pkgs=(chromium libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-wqy-microhei
  libharfbuzz-subset0 gettext)
[ $# -gt 0 ] && pkgs=("$@")   # or just the ones named, e.g. `scripts/system-packages.sh wrk` for make bench
command -v dpkg >/dev/null 2>&1 || exit 0   # not Debian: nothing we can install here

need=()
for pkg in "${pkgs[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${need[*]}"
if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo -n)
else
  echo "Missing Debian packages: ${need[*]}" >&2
  echo "Install them with: sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
  exit 1
fi
"${run[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -q --no-install-recommends "${need[@]}"
