#!/usr/bin/env bash
# Builds what the GPU machine needs (it has no .NET): the Engine and Ops tests and the CLI published
# self-contained for linux-x64 into one folder, and the tiny golden sets, as .device-bundle/{tests.tar.xz,golden.tar.xz} (git-ignored through
# .git/info/exclude). Pass it to the device tool's `run` as carry: [".device-bundle"], then run
# bench/gpu/run-gpu-tests.sh there.
# usage: bench/gpu/make-bundle.sh [source-root]   (default: this checkout; a copy works when the tree is mid-edit)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
src="${1:-$repo}"
out="$repo/${ISHOWTTS_BUNDLE_DIR:-.device-bundle}"   # another name (.device-bundle-ops) keeps two bundles apart
golden="${ISHOWTTS_GOLDEN_SOURCE:-$repo/../shared/golden}"
artifacts="$(mktemp -d /tmp/ishowtts-gpu-art.XXXXXX)"
publish="$(mktemp -d /tmp/ishowtts-gpu-pub.XXXXXX)"
trap 'rm -rf "$artifacts" "$publish"' EXIT

grep -qx '/.device-bundle*/' "$repo/.git/info/exclude" 2>/dev/null || echo '/.device-bundle*/' >> "$repo/.git/info/exclude"
mkdir -p "$out"
(cd "$src" && dotnet publish tests/IShowTts.Engine.Tests -c Release -r linux-x64 --self-contained \
    --artifacts-path "$artifacts" -o "$publish/tests" -p:TreatWarningsAsErrors=true -v:q -nologo)
# The operations kit's tests (their GPU paths) and the CLI (ishowtts bench) into the same folder: one shared
# self-contained runtime.
(cd "$src" && dotnet publish tests/IShowTts.Ops.Tests -c Release -r linux-x64 --self-contained \
    --artifacts-path "$artifacts" -o "$publish/tests" -p:TreatWarningsAsErrors=true -v:q -nologo)
(cd "$src" && dotnet publish src/IShowTts.Cli -c Release -r linux-x64 --self-contained \
    --artifacts-path "$artifacts" -o "$publish/tests" -p:TreatWarningsAsErrors=true -v:q -nologo)
tar -C "$publish" -cJf "$out/tests.tar.xz.tmp" tests && mv -f "$out/tests.tar.xz.tmp" "$out/tests.tar.xz"
sets=()
for s in f5-tiny f5-tiny-v0 audio; do [ -d "$golden/$s" ] && sets+=("$s"); done
tar -C "$golden" -cJf "$out/golden.tar.xz.tmp" "${sets[@]}" && mv -f "$out/golden.tar.xz.tmp" "$out/golden.tar.xz"
du -sh "$out"/*.tar.xz
