"""The server's TLS certificate: made once, self-signed, at first start; laptops pin its fingerprint."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import socket
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from gridkeeper import clock
from gridkeeper.sync.private import write_private

CERT_NAME = "server-cert.pem"
KEY_NAME = "server-key.pem"


def ensure_certificate(data_dir: Path) -> tuple[Path, Path]:
    """The certificate and key files in the data folder, made on first start (EC P-256, ten years).

    CA:true and self-signed, so a laptop can trust exactly this certificate; host names are not what
    a laptop checks (it pins the fingerprint), but the SAN names this machine for other clients."""
    cert_path, key_path = Path(data_dir) / CERT_NAME, Path(data_dir) / KEY_NAME
    if cert_path.is_file() and key_path.is_file():
        return cert_path, key_path
    key = ec.generate_private_key(ec.SECP256R1())
    host = socket.gethostname()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"GridKeeper server {host}"[:64])])
    # TLS checks the validity period against each machine's own clock, not the app's day (which a
    # training or a test moves): the machine's time, and a year's slack for a laptop whose clock is behind.
    now = dt.datetime.fromtimestamp(clock.machine_seconds(), dt.UTC)
    alt = [x509.DNSName("localhost"), x509.DNSName(host), x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
           x509.IPAddress(ipaddress.ip_address("::1"))]
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=365))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False, key_agreement=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectAlternativeName(alt), critical=False)
            .sign(key, hashes.SHA256()))
    write_private(key_path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()))
    write_private(cert_path, cert.public_bytes(serialization.Encoding.PEM))
    return cert_path, key_path


def fingerprint_pem(pem: bytes) -> str:
    """SHA-256 of the certificate's DER, lowercase hex: what a laptop pins."""
    return hashlib.sha256(x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)).hexdigest()


def fingerprint(cert_path: Path) -> str:
    return fingerprint_pem(Path(cert_path).read_bytes())
