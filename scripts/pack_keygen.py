"""Make an Ed25519 key pair for signing catalog packs (README.md, "Signed packs").

    python scripts/pack_keygen.py KEY.pem      # writes KEY.pem (private, mode 0600) and KEY.pem.pub

Sign a pack with `hanban catalog pack DIR --output FILE --key KEY.pem`. Publish KEY.pem.pub; users
trust it with `hanban catalog update SOURCE --trust KEY.pem.pub`, or a hanban release lists it in
catalog/trusted-keys.json (the line to add is printed). Keep KEY.pem secret and offline. It never
overwrites a file. `openssl genpkey -algorithm ed25519 -out KEY.pem` and
`openssl pkey -in KEY.pem -pubout -out KEY.pem.pub` make the same kind of files.
"""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    from hanban.packs.sign import generate, load_public

    key = Path(argv[0])
    try:
        public, keyid = generate(key)
    except FileExistsError as exc:
        print(f"pack_keygen: {exc.filename} exists; not overwritten", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"pack_keygen: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    entry = {"publisher": "WHO", "id": keyid, "ed25519": base64.b64encode(load_public(public).raw).decode("ascii")}
    print(f"private key: {key} (keep it secret)\npublic key:  {public} (id {keyid})")
    print(f"for catalog/trusted-keys.json: {json.dumps(entry, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
