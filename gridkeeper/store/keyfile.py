"""The profile key: 32 random bytes that SQLCipher uses as a raw key, kept wrapped by the passphrase.

`profile.key` (JSON, 0600, beside the database) holds the Argon2id parameters
and salt, and the key sealed with AES-256-GCM under the key Argon2id derives
from the passphrase; the parameters are the associated data, so a file whose
parameters were edited does not open. Changing the passphrase rewrites this
small file only: the database, its backups and its WAL keep their bytes.

A wrong passphrase fails here, in the AES-GCM tag check, before SQLCipher
is asked anything (architecture.md, "The store: passphrase and key").
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from gridkeeper import paths
from gridkeeper.errors import KeyFileDamaged, WrongPassphrase

FORMAT = 1
KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParams:
    """Argon2id's cost. DEFAULT takes about half a second on the reference laptop (docs/performance.md)."""

    memory_kib: int
    iterations: int
    lanes: int


#: 128 MiB, 4 passes, 4 lanes: ~0.5 s on the 2-core reference machine (benchmarks/bench_kdf.py); why these in
#: architecture.md. Tests lower it (tests/conftest.py): the parameters travel in each key file.
DEFAULT = KdfParams(memory_kib=128 * 1024, iterations=4, lanes=4)
#: What a key file may ask for at most: a damaged or hostile file must not make the app allocate gigabytes.
MAX_MEMORY_KIB = 2 * 1024 * 1024
params_for_new_keys = DEFAULT


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def sqlcipher_key(key: bytes) -> str:
    """SQLCipher's raw-key form: no key derivation of its own (the Argon2id above is ours)."""
    return f"x'{key.hex()}'"


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(salt=salt, length=32, iterations=params.iterations, lanes=params.lanes,
                   memory_cost=params.memory_kib)
    return kdf.derive(passphrase.encode("utf-8"))


def _associated(params: KdfParams, salt: bytes) -> bytes:
    return json.dumps({"format": FORMAT, "kdf": "argon2id", **asdict(params), "salt": salt.hex()},
                      sort_keys=True).encode()


def exists(root: Path) -> bool:
    return paths.key_path(root).is_file()


def write(root: Path, key: bytes, passphrase: str, params: KdfParams | None = None) -> Path:
    """Wrap `key` under `passphrase` into root/profile.key (0600), replacing any file there atomically."""
    params = params or params_for_new_keys
    salt, nonce = os.urandom(16), os.urandom(12)
    wrapped = AESGCM(_derive(passphrase, salt, params)).encrypt(nonce, key, _associated(params, salt))
    body = {"format": FORMAT, "kdf": "argon2id", **asdict(params), "salt": salt.hex(), "nonce": nonce.hex(),
            "wrapped": wrapped.hex()}
    target = paths.key_path(root)
    paths.write_private(target, (json.dumps(body, indent=2) + "\n").encode())
    return target


def _read(root: Path) -> tuple[KdfParams, bytes, bytes, bytes]:
    path = paths.key_path(root)
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        if body.get("format") != FORMAT or body.get("kdf") != "argon2id":
            raise ValueError("unknown key file format")
        params = KdfParams(int(body["memory_kib"]), int(body["iterations"]), int(body["lanes"]))
        if not (8 <= params.memory_kib <= MAX_MEMORY_KIB and 1 <= params.iterations <= 64 and 1 <= params.lanes <= 64):
            raise ValueError("key file parameters out of range")
        return params, bytes.fromhex(body["salt"]), bytes.fromhex(body["nonce"]), bytes.fromhex(body["wrapped"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KeyFileDamaged(str(path)) from exc


def params(root: Path) -> KdfParams:
    return _read(root)[0]


def unwrap(root: Path, passphrase: str) -> bytes:
    """The profile key; WrongPassphrase when the passphrase does not open the key file."""
    kdf_params, salt, nonce, wrapped = _read(root)
    try:
        key = AESGCM(_derive(passphrase, salt, kdf_params)).decrypt(nonce, wrapped, _associated(kdf_params, salt))
    except InvalidTag:
        raise WrongPassphrase() from None
    if len(key) != KEY_BYTES:
        raise KeyFileDamaged(str(paths.key_path(root)))
    return key


def rewrap(root: Path, old: str, new: str) -> None:
    """Change the passphrase: the same key, wrapped again (with new salt and today's parameters)."""
    write(root, unwrap(root, old), new)
