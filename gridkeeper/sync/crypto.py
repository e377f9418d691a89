"""The office's cryptography, in one place: which algorithms, and the few ways they are used.

Suite "gk1": AES-256-GCM, Ed25519, X25519 + HKDF-SHA256, Argon2id, all from
`cryptography`. A national-algorithm suite (SM2/SM3/SM4) would be another
suite id with the same functions; nothing outside this module names an
algorithm. See architecture.md, "Offices: trust on the share".
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SUITE = "gk1"
NONCE_BYTES = 12
SIGNATURE_BYTES = 64
KEY_BYTES = 32
#: Enrolment codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B look-alikes; 12 characters of 24 is ~55 bits.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY3467"
CODE_LENGTH = 12


class CryptoError(Exception):
    """A signature, tag or key that does not hold: the data is not what it claims."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise CryptoError("not base64 text")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise CryptoError("not base64") from exc


def random_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def derive(key: bytes, purpose: str) -> bytes:
    """A key for one purpose from an office key (HKDF-SHA256): the raw key is never used directly."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=f"{SUITE} {purpose}".encode()).derive(key)


# -- AEAD ------------------------------------------------------------------------


def seal(key: bytes, plaintext: bytes, associated: bytes = b"") -> bytes:
    """nonce + ciphertext (with its tag)."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, associated)


def open_sealed(key: bytes, sealed: bytes, associated: bytes = b"") -> bytes:
    if len(sealed) < NONCE_BYTES + 16:
        raise CryptoError("too short")
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], associated)
    except InvalidTag as exc:
        raise CryptoError("decryption failed") from exc


# -- device keys -----------------------------------------------------------------


class DeviceKeys:
    """A device's signing key (Ed25519) and box key (X25519)."""

    def __init__(self, sign: Ed25519PrivateKey, box: X25519PrivateKey) -> None:
        self._sign, self._box = sign, box

    @classmethod
    def generate(cls) -> DeviceKeys:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @classmethod
    def from_text(cls, text: str) -> DeviceKeys:
        sign, _, box = text.partition(":")
        try:
            return cls(Ed25519PrivateKey.from_private_bytes(unb64(sign)),
                       X25519PrivateKey.from_private_bytes(unb64(box)))
        except ValueError as exc:
            raise CryptoError("not a key pair") from exc

    def to_text(self) -> str:
        raw = serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        return f"{b64(self._sign.private_bytes(*raw))}:{b64(self._box.private_bytes(*raw))}"

    @property
    def sign_public(self) -> str:
        return b64(self._sign.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))

    @property
    def box_public(self) -> str:
        return b64(self._box.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))

    def sign(self, data: bytes) -> bytes:
        return self._sign.sign(data)

    def unseal_key(self, sealed: bytes, associated: bytes) -> bytes:
        """A key sealed to this device's box key by seal_key_to()."""
        if len(sealed) < 32:
            raise CryptoError("too short")
        try:
            shared = self._box.exchange(X25519PublicKey.from_public_bytes(sealed[:32]))
        except ValueError as exc:
            raise CryptoError("bad ephemeral key") from exc
        return open_sealed(_box_kek(shared, sealed[:32]), sealed[32:], associated)


def verify(sign_public: str, signature: bytes, data: bytes) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(unb64(sign_public)).verify(signature, data)
    except (InvalidSignature, ValueError) as exc:
        raise CryptoError("signature does not hold") from exc


def seal_key_to(box_public: str, key: bytes, associated: bytes) -> bytes:
    """Seal `key` to one device (ephemeral X25519, HKDF, AES-GCM): only that device opens it."""
    ephemeral = X25519PrivateKey.generate()
    try:
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(unb64(box_public)))
    except ValueError as exc:
        raise CryptoError("bad box key") from exc
    epk = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return epk + seal(_box_kek(shared, epk), key, associated)


def _box_kek(shared: bytes, epk: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=epk, info=f"{SUITE} sealed key".encode()).derive(shared)


# -- enrolment codes -------------------------------------------------------------


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What a person typed or read out: case, spaces and dashes do not matter."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def show_code(code: str) -> str:
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


def code_lookup(code: str) -> str:
    """The invite's file name: tells nothing of the code (a one-way hash)."""
    return hashlib.sha256(f"{SUITE} invite {code}".encode()).hexdigest()[:32]


#: Argon2id for enrolment codes: 64 MiB and 3 passes (about 0.2 s here); what the admin used is written
#: in the invite, so a joiner derives with the same. Tests lower it for speed (tests/conftest.py).
CODE_KDF_MEMORY_KIB = 64 * 1024
CODE_KDF_ITERATIONS = 3
#: A joiner refuses an invite asking for more (a hostile file must not make it allocate gigabytes).
CODE_KDF_MAX_MEMORY_KIB = 1024 * 1024


def code_key(code: str, salt: bytes, memory_kib: int | None = None, iterations: int | None = None) -> bytes:
    """Argon2id of the code: guessing codes against a copied invite costs 64 MiB and ~0.1 s a guess."""
    memory_kib = CODE_KDF_MEMORY_KIB if memory_kib is None else memory_kib
    iterations = CODE_KDF_ITERATIONS if iterations is None else iterations
    if not (8 <= memory_kib <= CODE_KDF_MAX_MEMORY_KIB and 1 <= iterations <= 16):
        raise CryptoError("enrolment key parameters out of bounds")
    return Argon2id(salt=salt, length=KEY_BYTES, iterations=iterations, lanes=1,
                    memory_cost=memory_kib).derive(code.encode())


def mac(key: bytes, data: bytes) -> str:
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def mac_ok(key: bytes, data: bytes, tag: object) -> bool:
    return isinstance(tag, str) and hmac.compare_digest(mac(key, data), tag)
