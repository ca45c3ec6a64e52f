"""Turning generated .docx files into PDF with LibreOffice (headless), for printing and archiving."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

from liaison.core.errors import DomainError

CONVERT_TIMEOUT_SECONDS = 90


def soffice_path() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def docx_to_pdf(data: bytes) -> bytes:
    """Convert a .docx (bytes) to PDF bytes; each call uses its own LibreOffice profile so calls may overlap."""
    binary = soffice_path()
    if binary is None:
        raise DomainError(
            _("服务器未安装 LibreOffice，暂时无法生成PDF，请下载Word版本。"), details="soffice missing"
        )
    with tempfile.TemporaryDirectory(prefix="liaison-pdf-") as tmp:
        workdir = Path(tmp)
        source = workdir / "document.docx"
        source.write_bytes(data)
        profile = (workdir / "profile").as_uri()
        try:
            subprocess.run(  # noqa: S603 - fixed argument list, no shell
                [
                    binary,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(workdir),
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=CONVERT_TIMEOUT_SECONDS,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise DomainError(_("PDF生成失败，请稍后重试或下载Word版本。"), details=str(exc)) from exc
        target = workdir / "document.pdf"
        if not target.exists():
            raise DomainError(_("PDF生成失败，请稍后重试或下载Word版本。"))
        return target.read_bytes()
