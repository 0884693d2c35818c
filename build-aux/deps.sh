#!/usr/bin/env bash
# Installs, with apt-get, whatever Debian 12 packages Waymark needs and the
# machine does not have yet. Sourced by build-aux/run (`waymark_install_deps
# run`: what building and running the application needs) and build-aux/test
# (`waymark_install_deps test`: that and what the tests run).
set -euo pipefail

# Building and running: the compiler and meson, the libraries meson asks for,
# the tools the build itself runs (glib-compile-resources calls xmllint to
# strip the templates, gettext merges the desktop file and metainfo), and the
# painters' font, Inter, with DejaVu, the fallback named in WM_FONT_FAMILY.
WAYMARK_RUN_PACKAGES=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-bin libxml2-dev libxml2-utils gettext
  libgtk-4-dev libadwaita-1-dev libcairo2-dev librsvg2-dev libpango1.0-dev
  zlib1g-dev libpng-dev libarchive-dev libgraphviz-dev
  fonts-inter fonts-dejavu-core
)

# What the tests need on top: the programs that read what Waymark writes,
# a virtual display and a session bus, the sanitizer and fuzzer runtime.
# (The list keeps the name it always had, so that a recipe adding a test
# tool to WAYMARK_PACKAGES still works.)
WAYMARK_PACKAGES=(
  clang libclang-rt-14-dev libxtst-dev
  locales python3 poppler-utils qpdf fontconfig
  xvfb xauth dbus-daemon desktop-file-utils appstream librsvg2-bin shared-mime-info
  flatpak-builder
  python3-jsonschema
  unzip libreoffice-impress-nogui
  python3-markdown
  plantuml
  git
)

# waymark_missing_packages run|test: the packages of that list not installed.
waymark_missing_packages () {
  local wanted=("${WAYMARK_RUN_PACKAGES[@]}")
  [ "${1:-test}" = run ] || wanted+=("${WAYMARK_PACKAGES[@]}")
  local missing=()
  for pkg in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  echo "${missing[@]:-}"
}

# The C-locale test formats numbers under a German locale, which writes a
# decimal comma: only the tests generate it, and only they touch
# /etc/locale.gen.
waymark_install_test_locale () {
  if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
    $sudo locale-gen >/dev/null
  fi
}

# waymark_install_deps run|test (default test)
waymark_install_deps () {
  local what=${1:-test} missing
  missing=$(waymark_missing_packages "$what")
  if [ -n "$missing" ]; then
    echo "Installing missing packages: $missing"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
  fi
  if [ "$what" != run ]; then
    waymark_install_test_locale
  fi
}
