"""Checking an uploaded image: Pillow must read it as one of the allowed formats, within the size and
dimension limits. Anything else is refused with a Chinese message before a byte is stored."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from liaison.core.errors import DomainError

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 6000
FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "GIF": ("image/gif", "gif"),
    "WEBP": ("image/webp", "webp"),
}


@dataclass(frozen=True)
class CheckedImage:
    content_type: str
    extension: str
    width: int
    height: int
    size: int


def image_check(upload: Any) -> CheckedImage:
    """The facts of a real image, or a DomainError saying why it is refused."""
    if upload is None:
        raise DomainError(_("请选择要上传的图片。"), field="image")
    size = int(getattr(upload, "size", 0) or 0)
    if size <= 0:
        raise DomainError(_("图片文件为空。"), field="image")
    if size > MAX_BYTES:
        raise DomainError(_("图片不能超过 2 MB。"), field="image")
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as img:
            fmt, (width, height) = img.format or "", img.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise DomainError(_("文件不是可识别的图片（支持 JPEG、PNG、GIF、WebP）。"), field="image") from exc
    finally:
        upload.seek(0)
    if fmt not in FORMATS:
        raise DomainError(_("图片格式只能是 JPEG、PNG、GIF 或 WebP。"), field="image")
    if width > MAX_SIDE or height > MAX_SIDE:
        raise DomainError(_("图片尺寸不能超过 6000×6000 像素。"), field="image")
    content_type, extension = FORMATS[fmt]
    return CheckedImage(content_type, extension, width, height, size)
