# Sourced by scripts/test and scripts/demo: installs the Debian 12 packages Kiosk24 needs.
# As root it runs apt-get; otherwise it prints the exact command to run and stops.

KIOSK_PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libusb-1.0-0-dev libssl-dev libsqlite3-dev libspdlog-dev libfmt-dev nlohmann-json3-dev
  libcurl4-openssl-dev libcpp-httplib-dev libpq-dev postgresql
  libpng-dev libcairo2-dev libpango1.0-dev libqrencode-dev libjpeg62-turbo-dev
  fonts-noto-cjk
  catch2 umockdev libumockdev-dev
  clang-14 libclang-rt-14-dev
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-svg-dev qt6-speech-dev qt6-virtualkeyboard-dev
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtquick-shapes
  qml6-module-qtqml-workerscript qml6-module-qtqml-models qml6-module-qttest
  qml6-module-qtquick-virtualkeyboard qt6-virtualkeyboard-plugin
  qml6-module-qt-labs-folderlistmodel qml6-module-qttexttospeech qml6-module-qtqml
  xvfb xauth
  openssl ca-certificates
)

kiosk_missing_packages() {
  local missing=()
  for p in "${KIOSK_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

kiosk_install_deps() {
  local missing
  missing=$(kiosk_missing_packages)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Kiosk24 needs these Debian packages:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing" >&2
    exit 1
  fi
  echo "Installing: $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing >/dev/null
}
