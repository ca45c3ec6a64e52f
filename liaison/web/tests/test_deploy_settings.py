import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "TESTING",
            "SECRET_KEY",
            "AUDIT_HMAC_KEY",
            "COMPLAINTS_KEY",
            "COMPLAINTS_KEY_FILE",
            "ALLOWED_HOSTS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_check_is_clean_when_debug_is_off():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        AUDIT_HMAC_KEY=secrets.token_urlsafe(32),
        COMPLAINTS_KEY=secrets.token_urlsafe(32),
        ALLOWED_HOSTS="liaison.example.gov.cn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DEBUG="0", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_the_audit_key():
    result = run_manage("check", DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), AUDIT_HMAC_KEY="")
    assert result.returncode != 0
    assert "AUDIT_HMAC_KEY" in result.stderr


def test_production_refuses_to_start_without_the_complaints_key():
    result = run_manage(
        "check",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        AUDIT_HMAC_KEY=secrets.token_urlsafe(32),
        COMPLAINTS_KEY="",
    )
    assert result.returncode != 0
    assert "COMPLAINTS_KEY" in result.stderr


def test_collectstatic_with_the_production_storage_finds_every_file_the_vendored_assets_refer_to(tmp_path):
    """The README's deployment step: the compressed-manifest storage rewrites every url() and
    sourceMappingURL, and stops at the first one that names a missing file."""
    target = tmp_path / "staticfiles"
    result = run_manage(
        "collectstatic",
        "--noinput",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        AUDIT_HMAC_KEY=secrets.token_urlsafe(32),
        COMPLAINTS_KEY=secrets.token_urlsafe(32),
        ALLOWED_HOSTS="liaison.example.gov.cn",
        STATIC_ROOT=str(target),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = (target / "staticfiles.json").read_text(encoding="utf-8")
    assert "vendor/bootstrap/bootstrap.bundle.min.js" in manifest
    assert list(target.glob("vendor/bootstrap/bootstrap.bundle.min.*.js.gz"))


def test_a_file_email_url_writes_each_message_to_that_directory(tmp_path):
    """`make run` sets EMAIL_URL=file:///<repo>/var/mail so the demo's emails stay off the terminal."""
    mail_dir = tmp_path / "mail"
    result = run_manage(
        "sendtestemail",
        "someone@example.gov.cn",
        DEBUG="1",
        EMAIL_URL=f"file:///{mail_dir}",
    )
    assert result.returncode == 0, result.stderr
    written = list(mail_dir.iterdir())
    assert len(written) == 1 and "someone@example.gov.cn" in written[0].read_text(encoding="utf-8")
    assert "someone@example.gov.cn" not in result.stdout
