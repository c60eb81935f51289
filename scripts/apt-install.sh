#!/bin/sh
# Install Debian packages the app or its tests need, when they are missing.
# Works as root or with sudo; elsewhere it says what to install and carries on.
missing=""
for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "apt-get not found: install$missing by hand (see README)." >&2
    exit 0
fi
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Not root and no sudo: install$missing by hand (see README)." >&2
    exit 0
fi
$sudo apt-get -o DPkg::Lock::Timeout=300 update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq $missing
