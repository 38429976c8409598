#!/usr/bin/env bash
# Installs the Debian packages sfcore's build, tests and docs need, only the
# ones that are missing. Run as root (or it prints the exact command to run).
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libboost-date-time-dev libboost-serialization-dev
  catch2 pybind11-dev python3-pybind11 python3-dev
  python3-pytest python3-venv python3-pip python3-setuptools python3-wheel
  doxygen graphviz tzdata libbenchmark-dev libsqlite3-dev libpq-dev postgresql
  nlohmann-json3-dev python3-jsonschema libsodium-dev libssl-dev
  clang-14 libclang-rt-14-dev rustc abigail-tools
  python3-pandas python3-matplotlib python3-sphinx chromium
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "sfcore needs these Debian packages: ${missing[*]}" >&2
  echo "Install them, then run make again:" >&2
  echo "  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$cmd -qq
