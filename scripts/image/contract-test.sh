#!/usr/bin/env bash
# CI's image contract test: builds the image from the Dockerfile with buildah (scripts/image/build.sh,
# which installs buildah, podman, runc and mmdebstrap with apt-get when they are missing) and runs
# dist/scripts/image/contract.js against it with podman. Needs `npm run build` first, and root: where it
# is not root it says so and skips (exit 0). Prints how long each part took.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "$(id -u)" != 0 ]; then
  echo "image contract test SKIPPED: buildah/podman builds and runs need root on this machine (run .ci/run as root)"
  exit 0
fi
[ -f dist/scripts/image/contract.js ] || { echo "image contract test: run npm run build first" >&2; exit 1; }

version=$(node -p "require('./package.json').version")
tag="source-quickbooks/source-quickbooks:$version"
started=$SECONDS
scripts/image/build.sh --builder buildah --tag "$tag"
built=$SECONDS
node dist/scripts/image/contract.js "$tag"
echo "image contract test: build $((built - started)) s, checks $((SECONDS - built)) s"
