# build-aux/deps.sh — the Debian 12 packages Knee Journal needs, installed when missing.
# Sourced by build-aux/run and build-aux/test.
#
# SPDX-License-Identifier: GPL-3.0-or-later

KJ_BUILD_PACKAGES=(
  meson ninja-build pkg-config gcc libc6-dev
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev libportal-gtk4-dev
  libsqlite3-dev libjson-glib-dev libcairo2-dev libpango1.0-dev libxml2-dev nettle-dev
  gettext itstool desktop-file-utils hicolor-icon-theme adwaita-icon-theme librsvg2-common fonts-dejavu-core fonts-droid-fallback
)

KJ_TEST_PACKAGES=(
  xvfb xauth dbus dbus-bin appstream python3 poppler-utils locales at-spi2-core python3-pyatspi yelp-tools sqlite3
)

kj_missing_packages () {
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      printf '%s\n' "$pkg"
    fi
  done
}

kj_install_packages () {
  local missing
  missing=$(kj_missing_packages "$@")
  [ -z "$missing" ] && return 0

  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Knee Journal needs these packages, and this system has no apt-get to install them:" >&2
    echo "$missing" >&2
    return 1
  fi

  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "Installing the missing packages needs root (no sudo here):" >&2
      echo "$missing" >&2
      return 1
    fi
  fi

  echo "Installing: $(echo $missing)"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

# The translation tests also run under a real German locale: generate
# de_DE.UTF-8 when the system lacks it (needs root or sudo; skipped otherwise).
kj_ensure_locale () {
  local name=${1:-de_DE.UTF-8}
  if locale -a 2>/dev/null | grep -qix "$(echo "$name" | sed 's/UTF-8/utf8/')"; then
    return 0
  fi
  command -v localedef >/dev/null 2>&1 || return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || return 0
    sudo="sudo -n"
  fi
  $sudo localedef -i "${name%%.*}" -f UTF-8 "$name" >/dev/null 2>&1 || true
}

kj_build () {
  local top=$1
  if [ ! -f "$top/build/build.ninja" ]; then
    meson setup "$top/build" "$top"
  fi
  meson compile -C "$top/build"
}
