#!/usr/bin/env bash
# Vendor the pinned reveal.js release for `make slides` into vendor/reveal.js/.
# Fetched with npm (`npm pack`), its tarball checked against the pinned sha512
# integrity before anything is unpacked. Run by tools/bootstrap.sh and by the
# Makefile before `make slides` and `make test`; a no-op once the pinned version is there.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=6.0.2
INTEGRITY=sha512-JYIg5D9aoxoaLeb84O+OvAwsKWdIavVgEDScxtYEXFCT6t6TQrhNtSgogcjdCpdLsWglhJn3zyE3fUOwiH5KEg==
DEST=vendor/reveal.js
# The release files a deck needs (tools/deck/html.py copies these).
FILES=(LICENSE dist/reveal.js dist/reveal.css dist/reset.css dist/plugin/notes.js)

if [[ -f $DEST/VERSION && $(cat "$DEST/VERSION") == "$VERSION $INTEGRITY" ]]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "error: npm not found; it fetches reveal.js for the slide decks (make slides)." >&2
  echo "Install Node.js with npm: on Debian 12 'apt-get install -y nodejs npm'," >&2
  echo "then run 'bash tools/vendor_reveal.sh' (or make slides) again." >&2
  exit 1
fi
echo "[setup] fetching reveal.js $VERSION with npm into $DEST"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm pack --silent --pack-destination "$tmp" "reveal.js@$VERSION" >/dev/null
tarball="$tmp/reveal.js-$VERSION.tgz"
actual="sha512-$(python3 -c 'import base64, hashlib, sys; print(base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$tarball")"
if [[ $actual != "$INTEGRITY" ]]; then
  echo "error: reveal.js $VERSION tarball integrity mismatch: got $actual, pinned $INTEGRITY" >&2
  exit 1
fi
mkdir "$tmp/pkg" "$tmp/out"
tar -xzf "$tarball" -C "$tmp/pkg"
for f in "${FILES[@]}"; do
  mkdir -p "$tmp/out/$(dirname "${f#dist/}")"
  cp "$tmp/pkg/package/$f" "$tmp/out/${f#dist/}"
done
echo "$VERSION $INTEGRITY" >"$tmp/out/VERSION"
mkdir -p "$(dirname "$DEST")"
rm -rf "$DEST"
mv "$tmp/out" "$DEST"
echo "[setup] reveal.js $VERSION ready in $DEST"
