"""TLS that means what the config says, against a real TLS server on 127.0.0.1 with a
throwaway CA made here: the configured CA file is the only trust store (the environment
cannot replace it), and each failure has its own sentence and exit code, no traceback."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import ipaddress
import json
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from kiosk.cli import main

pytestmark = pytest.mark.timeout(60)
NOW = dt.datetime.now(dt.UTC)


@dataclass
class Ca:
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate
    pem: Path


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make_ca(folder: Path, cn: str) -> Ca:
    key = ec.generate_private_key(ec.SECP256R1())
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(_name(cn))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )
    pem = folder / f"{cn}.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return Ca(key, cert, pem)


def make_leaf(
    folder: Path,
    ca: Ca,
    *,
    names: tuple[str, ...] = ("127.0.0.1", "localhost"),
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    sans: list[x509.GeneralName] = []
    for n in names:
        try:
            sans.append(x509.IPAddress(ipaddress.ip_address(n)))
        except ValueError:
            sans.append(x509.DNSName(n))
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(names[0]))
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or NOW - dt.timedelta(hours=1))
        .not_valid_after(not_after or NOW + dt.timedelta(days=7))
        .add_extension(x509.SubjectAlternativeName(sans), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()),
            critical=False,
        )
        .sign(ca.key, hashes.SHA256())
    )
    cert_file, key_file = folder / "server.pem", folder / "server.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


class _Hello(http.server.BaseHTTPRequestHandler):
    """Answers the station hello like a bridge (enough for provision and sync to get past
    TLS); any other path is a 503 so a sync cycle stops right after the handshake."""

    def do_GET(self) -> None:
        if self.path.endswith("/hello"):
            body = json.dumps(
                {
                    "station": "ST-01",
                    "last_seq": 0,
                    "epoch": "tls-test",
                    "server_time": dt.datetime.now(dt.UTC).isoformat(),
                }
            ).encode()
            self.send_response(200)
        else:
            body = b'{"code":"busy","reason":"test server"}'
            self.send_response(503)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve_tls(cert: Path, key: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("pki")
    ca, other = make_ca(folder, "plant-ca"), make_ca(folder, "other-ca")
    leaves: dict[str, tuple[Path, Path]] = {}
    for name, kw in {
        "good": {},
        "expired": {
            "not_before": NOW - dt.timedelta(days=10),
            "not_after": NOW - dt.timedelta(days=1),
        },
        "not_yet_valid": {
            "not_before": NOW + dt.timedelta(days=1),
            "not_after": NOW + dt.timedelta(days=10),
        },
        "name_mismatch": {"names": ("bridge.other.example",)},
    }.items():
        sub = folder / name
        sub.mkdir()
        leaves[name] = make_leaf(sub, ca, **kw)
    return {"ca": ca, "other": other, "leaves": leaves, "folder": folder}


@pytest.fixture
def token(tmp_path: Path) -> Path:
    path = tmp_path / "token"
    path.write_text("t0ken-for-the-tls-test\n")
    path.chmod(0o600)
    return path


def _provision(url: str, token: Path, ca: Path | str, cfg: Path, *extra: str) -> int:
    return main(
        [
            "provision",
            *("--bridge", url, "--station", "ST-01", "--token-file", str(token)),
            *("--ca", str(ca), "--config", str(cfg), *extra),
        ]
    )


CASES = {
    # leaf, which CA the station trusts, exit code, words of the sentence
    "wrong_ca": ("good", "other", 8, "does not trust"),
    "expired": ("expired", "ca", 9, "expired certificate"),
    "not_yet_valid": ("not_yet_valid", "ca", 10, "not valid yet"),
    "name_mismatch": ("name_mismatch", "ca", 11, "for another name"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_tls_failure_has_its_sentence_and_exit_code(
    case: str,
    pki: dict[str, Any],
    token: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    leaf, trusted, code, words = CASES[case]
    ca_file = pki[trusted].pem
    cfg = tmp_path / "station.toml"
    with serve_tls(*pki["leaves"][leaf]) as url:
        assert _provision(url, token, ca_file, cfg) == code
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err and "nothing written" in err
        assert not cfg.exists()
        # The same failure from `kiosk sync now` on a station provisioned without a check.
        assert _provision(url, token, ca_file, cfg, "--no-check") == 0
        capsys.readouterr()
        assert main(["sync", "now", "--config", str(cfg), "--attempts", "3"]) == code
        captured = capsys.readouterr()
        assert words in captured.err and "Traceback" not in captured.err
        out = json.loads(captured.out)
        assert out["exit_code"] == code and words in out["status"]["last_error"]


def test_missing_and_unreadable_ca_files(
    pki: dict[str, Any], token: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = tmp_path / "station.toml"
    with serve_tls(*pki["leaves"]["good"]) as url:
        assert _provision(url, token, tmp_path / "nope.pem", cfg) == 7
        assert "does not exist" in capsys.readouterr().err
        garbage = tmp_path / "garbage.pem"
        garbage.write_text("not a certificate\n")
        assert _provision(url, token, garbage, cfg) == 7
        assert "holds no PEM certificate" in capsys.readouterr().err
        assert not cfg.exists()
        # Provisioned fine, then the CA file goes away: sync now says so, exit 7.
        good = tmp_path / "plant.pem"
        good.write_bytes(pki["ca"].pem.read_bytes())
        assert _provision(url, token, good, cfg) == 0
        good.unlink()
        capsys.readouterr()
        assert main(["sync", "now", "--config", str(cfg)]) == 7
        err = capsys.readouterr().err
        assert "does not exist" in err and "Traceback" not in err


def test_the_configured_ca_is_the_only_trust_store(
    pki: dict[str, Any],
    token: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE can neither break the right CA nor let a wrong
    one through."""
    cfg = tmp_path / "station.toml"
    with serve_tls(*pki["leaves"]["good"]) as url:
        for var in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
            monkeypatch.setenv(var, str(pki["other"].pem))
            assert _provision(url, token, pki["ca"].pem, cfg) == 0, capsys.readouterr().err
            monkeypatch.setenv(var, str(pki["ca"].pem))
            assert _provision(url, token, pki["other"].pem, cfg) == 8
            assert "does not trust" in capsys.readouterr().err
            monkeypatch.delenv(var)
