#!/bin/sh
# Installs the Debian 12 packages slm needs to build, test and benchmark, and only those missing.
# Non-interactive; a no-op when everything is present. Run as root (or with sudo available).
set -eu
PKGS="build-essential pkg-config libxml2-dev libxml2-utils libxslt1-dev xsltproc libglib2.0-dev \
libpango1.0-dev libcairo2-dev libfontconfig-dev check fonts-noto-cjk time \
poppler-utils qpdf python3 python3-fonttools strace"
[ "${1-}" = "--bench" ] && PKGS="$PKGS hyperfine fop ant fonts-wqy-zenhei"
[ "${1-}" = "--fuzz" ] && PKGS="$PKGS clang libclang-rt-14-dev"
missing=""
for p in $PKGS; do
  st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$st" in *"install ok installed"*) ;; *) missing="$missing $p" ;; esac
done
[ -z "$missing" ] && exit 0
echo "slm: installing missing Debian packages:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq --no-install-recommends $missing >&2
