# SPDX-License-Identifier: EUPL-1.2
"""Check an uploaded photo and store a clean copy without its metadata.

A phone photo carries the GPS position where it was taken, often the
reporter's home, and the make of the phone. We therefore never keep the file
as sent: Pillow decodes it (which also refuses files that only pretend to be
images), the picture is turned upright, scaled down, and written anew as JPEG
without any metadata.
"""

from __future__ import annotations

import io
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from PIL import Image, ImageOps, UnidentifiedImageError

#: Formats we accept as sent by phones and cameras.
ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "HEIF", "MPO"})
#: Longest side of the stored copy, in pixels.
LONGEST_SIDE = 2048
#: Refuse pictures above this many pixels before decoding them (decompression bombs).
MAX_PIXELS = 60_000_000


def clean_photo(upload: UploadedFile) -> ContentFile[bytes]:
    """Return a metadata-free JPEG copy of the upload; raise a clear error if unfit."""
    if upload.size is not None and upload.size > settings.WIJKAANPAK_PHOTO_MAX_BYTES:
        raise ValidationError(
            _("The photo is too large. Send a photo of at most %(megabytes)s MB.")
            % {"megabytes": settings.WIJKAANPAK_PHOTO_MAX_BYTES // (1024 * 1024)}
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise ValidationError(_("Send the photo as JPEG, PNG or WebP."))
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise ValidationError(_("The photo has too many pixels."))
            picture = ImageOps.exif_transpose(probe)
            picture.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("This file is not a photo we can read. Send a JPEG or PNG photo.")
        ) from error
    picture = picture.convert("RGB")
    picture.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    output = io.BytesIO()
    # No exif= argument: the copy carries no metadata at all.
    picture.save(output, format="JPEG", quality=85, optimize=True)
    return ContentFile(output.getvalue(), name=f"{secrets.token_hex(16)}.jpg")
