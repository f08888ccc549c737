# Airbyte image of source-quickbooks. Build: docker build -t source-quickbooks/source-quickbooks:0.1.0 .
# or, without a Docker engine or Docker Hub: scripts/image/build.sh (buildah, a stand-in base).
# No `# syntax=` line: it would make BuildKit fetch a frontend image from Docker Hub.
#
# Base: Node 24 on Debian bookworm slim, the current Active LTS line (supported to April 2028); the
# code supports Node 20.19+, 22 and 24 (package.json engines). Debian slim (glibc) rather than alpine
# (musl): the same libc as CI and most developer machines, no native-module surprises.
# Pinned by patch version and digest (the multi-arch index of the official image), so a rebuild gets
# the same bytes. To move the pin: `docker buildx imagetools inspect node:24.X.Y-bookworm-slim` (or
# `skopeo inspect --raw docker://node:24.X.Y-bookworm-slim | sha256sum`), then update this line
# (scripts/image/build.sh reads the Node version and Debian suite of its stand-in from it).
# Another base (an internal mirror): --build-arg NODE_IMAGE=<image>.
ARG NODE_IMAGE=node:24.20.0-bookworm-slim@sha256:ba849c60be29959425b8734d57b8b4b7d56f98edd9504c9af091d5281095a71e

# ---- build: compile TypeScript to dist/ -------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies and what `read` needs, nothing else ---------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /airbyte
COPY package.json package-lock.json ./
# npm leaves its cache and logs in /root/.npm and V8's compile cache in /tmp: none of it belongs in the image.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && rm -rf /root/.npm /tmp/node-compile-cache
# Only the connector's own code: dist/test, dist/integration_tests (the fake QBO server) and
# dist/bench are not copied. Files stay root-owned, so the connector cannot modify itself.
COPY --from=build /build/dist/bin ./dist/bin
COPY --from=build /build/dist/src ./dist/src
COPY spec.json ./
COPY schemas ./schemas
COPY catalog ./catalog
# Heap: V8's defaults, except that the young generation keeps its starting size (set at run time by
# src/cdk/run/young-generation.ts; a semi-space flag given to node wins). A read holds about one page
# at a time (pages waiting their turn stay in the socket, records pass as bytes), so peak RSS is
# ~105 MB at 100k rows and ~125 MB at 1M (BENCHMARKS.md). A hard cap
# (--max-old-space-size) would risk an out-of-memory crash on a large CDC or batch answer, which is
# held whole. --heap-growing-percent=50 trades ~20 % more CPU for ~40 MB less at 1M, but node refuses
# it in NODE_OPTIONS (exit 9): it goes on node's command line, e.g.
# --entrypoint node IMAGE --heap-growing-percent=50 /airbyte/dist/bin/source-quickbooks.js read ...
# Numeric user (the base image's `node`): Kubernetes runAsNonRoot can only verify a numeric uid.
USER 1000:1000
ENV AIRBYTE_ENTRYPOINT="node /airbyte/dist/bin/source-quickbooks.js"
ENTRYPOINT ["node", "/airbyte/dist/bin/source-quickbooks.js"]
LABEL io.airbyte.name=source-quickbooks/source-quickbooks
LABEL io.airbyte.version=0.1.0
