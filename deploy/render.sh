#!/usr/bin/env bash
# Renders the nginx configuration for SpineCast from the templates beside this script.
#
#   deploy/render.sh OUT_DIR
#
# Variables (all optional):
#   SPINECAST_ROOT              the built app, default: dist/ of this checkout
#   SPINECAST_LISTEN            default 8080
#   SPINECAST_SERVER_NAME       default _ (any)
#   SPINECAST_FRAME_ANCESTORS   which sites may embed the player: CSP frame-ancestors sources,
#                               space-separated, e.g. "https://clinic.example https://www.clinic.example".
#                               Default * (any site; the player still only obeys the page that framed it).
#                               When it lists sites, they also become the embedding allowlist,
#                               SPINECAST_ROOT/embed-origins.json, which lets a hand-made iframe
#                               without an origin= parameter use the postMessage API.
#
# Writes OUT_DIR/spinecast.conf (the server block), OUT_DIR/security-headers.conf and
# OUT_DIR/nginx.conf (a complete configuration for `nginx -p OUT_DIR -c OUT_DIR/nginx.conf`).
set -euo pipefail
set -f  # the sources may be a bare *, never a file pattern
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: deploy/render.sh OUT_DIR}"
mkdir -p "$out/tmp"
out="$(cd "$out" && pwd)"
root="${SPINECAST_ROOT:-$here/../dist}"
root="$(cd "$root" && pwd)"
listen="${SPINECAST_LISTEN:-8080}"
server_name="${SPINECAST_SERVER_NAME:-_}"
ancestors="${SPINECAST_FRAME_ANCESTORS:-*}"

# Only sources CSP allows here: *, 'self', 'none', or scheme://host[:port] (wildcard subdomains allowed).
for source in $ancestors; do
  if ! [[ "$source" =~ ^(\*|\'self\'|\'none\'|https?://(\*\.)?[A-Za-z0-9.-]+(:[0-9]+)?)$ ]]; then
    echo "render.sh: SPINECAST_FRAME_ANCESTORS: '$source' is not an origin like https://clinic.example" >&2
    exit 1
  fi
done

brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
load_brotli="" brotli_static=""
if [ -f "$brotli_module" ]; then
  load_brotli="load_module $brotli_module;"
  brotli_static="brotli_static on;"
fi

render() {
  sed -e "s|@LISTEN@|$listen|g" -e "s|@SERVER_NAME@|$server_name|g" -e "s|@ROOT@|$root|g" \
      -e "s|@FRAME_ANCESTORS@|$ancestors|g" -e "s|@HEADERS@|$out/security-headers.conf|g" \
      -e "s|@OUT@|$out|g" -e "s|@LOAD_BROTLI@|$load_brotli|g" -e "s|@BROTLI_STATIC@|$brotli_static|g" "$1"
}
render "$here/spinecast.conf.template" > "$out/spinecast.conf"
render "$here/security-headers.conf.template" > "$out/security-headers.conf"
render "$here/nginx.conf.template" > "$out/nginx.conf"

# The allowlist: the listed http(s) origins, as JSON.
origins=()
for source in $ancestors; do
  [[ "$source" =~ ^https?://[A-Za-z0-9.-]+(:[0-9]+)?$ ]] && origins+=("\"$source\"")
done
if [ "${#origins[@]}" -gt 0 ]; then
  (IFS=,; echo "[${origins[*]}]") > "$root/embed-origins.json"
else
  rm -f "$root/embed-origins.json"
fi
echo "nginx configuration written to $out (root $root, frame-ancestors $ancestors)"
