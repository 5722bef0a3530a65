"""Signed packs: a publisher signs a pack's manifest with Ed25519; `catalog update` checks the
signature against the keys it trusts before it reads anything else the pack says.

The trust model, after The Update Framework's targets role, in small:
- The signed statement is `manifest.json`, byte for byte: the catalog's version and as-of date,
  an expiry date, and the SHA-256 and size of every file. The signature is the member
  `manifest.json.sig` beside it: {"keyid": ..., "algorithm": "ed25519", "signature": base64}.
  Since every file is bound to the manifest by its hash, the signature covers the whole pack.
- The keys trusted are those the built-in catalog names (`catalog/trusted-keys.json`, shipped with
  hanban and so as trustworthy as the hanban installed), and a public key the user names for one
  update (`--trust FILE`). An unsigned pack, or one signed by another key, is refused unless the
  user passes `--allow-unsigned`.
- Rollback attack (an old, genuinely signed pack served again): a pack older than the installed
  one is refused unless `--allow-downgrade`. Freeze attack (a mirror that keeps serving an old
  pack): a pack past its `expires` date is refused.
- Not covered: a stolen signing key (there is no key rotation or threshold of signatures, so a
  compromised key is removed by a hanban release), and an attacker who can change hanban itself
  or its data folder.

`cryptography` is imported only here, and only by `catalog pack --key` and `catalog update`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path
from typing import Any, NamedTuple

from hanban.errors import PackRefused
from hanban.packs import limits

SIGNATURE = "manifest.json.sig"
MAX_SIGNATURE_BYTES = 4096
MAX_KEY_FILE_BYTES = 64 * 1024
KEYS_FILE = "trusted-keys.json"  # in the built-in catalog's folder
ALGORITHM = "ed25519"


class TrustedKey(NamedTuple):
    keyid: str
    raw: bytes  # the 32-byte Ed25519 public key
    name: str  # who it is (a publisher), or the file it came from


def key_id(raw: bytes) -> str:
    """A public key's id: the first 16 hex digits of the SHA-256 of its 32 raw bytes."""
    return hashlib.sha256(raw).hexdigest()[:16]


def _read_key_file(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_KEY_FILE_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise PackRefused(key="pack.key.unreadable", file=str(path), why=getattr(exc, "strerror", None) or str(exc)) from None
    if len(data) > MAX_KEY_FILE_BYTES:
        raise PackRefused(key="pack.key.bad", file=str(path))
    return data


def load_private(path: Path) -> Any:
    """An Ed25519 private key from a PEM file (PKCS #8, as `scripts/pack_keygen.py` and
    `openssl genpkey -algorithm ed25519` write it)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(_read_key_file(path), password=None)
    except (ValueError, TypeError):
        raise PackRefused(key="pack.key.bad", file=str(path)) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise PackRefused(key="pack.key.bad", file=str(path))
    return key


def load_public(path: Path) -> TrustedKey:
    """An Ed25519 public key from a PEM file (SubjectPublicKeyInfo: `KEY.pub` beside the key)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = serialization.load_pem_public_key(_read_key_file(path))
    except (ValueError, TypeError):
        raise PackRefused(key="pack.key.bad", file=str(path)) from None
    if not isinstance(key, Ed25519PublicKey):
        raise PackRefused(key="pack.key.bad", file=str(path))
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return TrustedKey(key_id(raw), raw, str(path))


def public_pem(private: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return bytes(private.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))


def sign(manifest: bytes, private: Any) -> bytes:
    """The signature member for these manifest bytes (Ed25519 is deterministic: the same bytes
    and key always give the same signature, so a pack stays reproducible)."""
    from cryptography.hazmat.primitives import serialization

    raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    body = {"keyid": key_id(raw), "algorithm": ALGORITHM, "signature": base64.b64encode(private.sign(manifest)).decode("ascii")}
    return (json.dumps(body, indent=2) + "\n").encode("utf-8")


def builtin_keys() -> list[TrustedKey]:
    """The keys the built-in catalog trusts (its trusted-keys.json); a damaged file trusts none."""
    from hanban.catalog.files import builtin_dir

    try:
        raw = (builtin_dir() / KEYS_FILE).read_bytes()
        entries = json.loads(raw)["keys"] if limits.json_depth(raw) <= limits.MAX_DEPTH else []
    except (OSError, ValueError, KeyError, TypeError):
        return []
    out = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            key = base64.b64decode(entry["ed25519"], validate=True)
        except (KeyError, TypeError, ValueError):
            continue
        if len(key) == 32:
            out.append(TrustedKey(key_id(key), key, str(entry.get("publisher") or "")))
    return out


def verify(manifest: bytes, signature: bytes | None, trusted: list[TrustedKey], source: str) -> TrustedKey:
    """The trusted key that signed these manifest bytes; raise PackRefused when the pack is
    unsigned, names a key not trusted, or its signature does not match."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if signature is None:
        raise PackRefused(key="pack.sig.unsigned", source=source)
    try:
        if len(signature) > MAX_SIGNATURE_BYTES or limits.json_depth(signature) > limits.MAX_DEPTH:
            raise ValueError
        body = json.loads(signature.decode("utf-8"))
        keyid, algorithm = body["keyid"], body["algorithm"]
        sig = base64.b64decode(body["signature"], validate=True)
        if not isinstance(keyid, str) or algorithm != ALGORITHM or len(sig) != 64:
            raise ValueError
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
        raise PackRefused(key="pack.sig.bad", source=source) from None
    key = next((k for k in trusted if k.keyid == keyid), None)
    if key is None:
        raise PackRefused(key="pack.sig.untrusted", source=source, keyid=keyid[:16])
    try:
        Ed25519PublicKey.from_public_bytes(key.raw).verify(sig, manifest)
    except InvalidSignature:
        raise PackRefused(key="pack.sig.bad", source=source) from None
    return key


def generate(path: Path) -> tuple[Path, str]:
    """Write a new private key to `path` (mode 0600, never over an existing file) and its public
    key to `path` + '.pub'; return the public key's file and id."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    pub = path.with_name(path.name + ".pub")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    with pub.open("xb") as fh:
        fh.write(public_pem(private))
    raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return pub, key_id(raw)
