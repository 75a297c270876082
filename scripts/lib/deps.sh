# Installs the Debian packages the product and its tests need, once (sourced by scripts/test and scripts/ishowtts).
# Everything is optional at run time: a missing library is reported and its fallback is used.
ishowtts_ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || echo "warning: could not install ${missing[*]}; the tests that need them will say so" >&2
}

# The packages every run needs: OpenBLAS for the CPU backend's GEMM, libFLAC for FLAC references.
ISHOWTTS_RUNTIME_PACKAGES=(libopenblas0-pthread libflac12 libmp3lame0 libespeak-ng1 espeak-ng-data)
# The packages the test suite needs on top of those.
ISHOWTTS_TEST_PACKAGES=(ngircd chromium)
