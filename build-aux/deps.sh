#!/usr/bin/env bash
# Installs, with apt-get, whatever Debian 12 packages Waymark needs and the
# machine does not have yet. Sourced by build-aux/run and build-aux/test.
set -euo pipefail

WAYMARK_PACKAGES=(
  meson ninja-build pkg-config gcc clang libclang-rt-14-dev
  libglib2.0-dev libglib2.0-bin libxml2-dev libxml2-utils gettext
  libgtk-4-dev libadwaita-1-dev libcairo2-dev librsvg2-dev libpango1.0-dev libxtst-dev
  locales python3 fonts-inter fonts-dejavu-core poppler-utils qpdf
  xvfb xauth desktop-file-utils appstream librsvg2-bin shared-mime-info
  zlib1g-dev python3-jsonschema
  libarchive-dev unzip libreoffice-impress-nogui
  libgraphviz-dev
  python3-markdown
  plantuml
  git
)

waymark_missing_packages () {
  local missing=()
  for pkg in "${WAYMARK_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  echo "${missing[@]:-}"
}

waymark_install_deps () {
  local missing
  missing=$(waymark_missing_packages)
  if [ -n "$missing" ]; then
    echo "Installing missing packages: $missing"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
  fi
  # The C-locale test formats numbers under a German locale, which writes a decimal comma.
  if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
    $sudo locale-gen >/dev/null
  fi
}
