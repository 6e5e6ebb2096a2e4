"""Organisation logos from the sign form: checked by their content and redrawn as a small, clean PNG."""

import io

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 4000
STORED_SIDE = 512
# MPO is how Pillow names the JPEG files that many phone cameras write.
ACCEPTED_FORMATS = ("PNG", "JPEG", "MPO", "WEBP")


def redrawn_png(image: Image.Image) -> bytes:
    """The image as a PNG of at most 512 pixels a side, keeping its proportions and nothing but its pixels.

    Only the pixels are copied into a new image, so no metadata (camera, place, software, comments)
    reaches the file that is served.
    """
    image = ImageOps.exif_transpose(image)  # the orientation would be lost with the rest of the metadata
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.thumbnail((STORED_SIDE, STORED_SIDE), Image.Resampling.LANCZOS)
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    buffer = io.BytesIO()
    clean.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


class LogoField(forms.FileField):
    """An optional logo: PNG, JPEG or WebP by content, whatever the file is called; cleaned to PNG bytes."""

    widget = forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"})
    default_error_messages = {
        "format": _("Please upload the logo as a PNG, JPEG or WebP image."),
        "file_size": _("The logo file is larger than 2 MB. Please upload a smaller file."),
        "dimensions": _("The logo is larger than 4000 × 4000 pixels. Please upload a smaller image."),
    }

    def to_python(self, data: UploadedFile | None) -> bytes | None:  # type: ignore[override]
        upload = super().to_python(data)
        if upload is None:
            return None
        if upload.size is not None and upload.size > MAX_BYTES:
            raise forms.ValidationError(self.error_messages["file_size"], code="file_size")
        upload.seek(0)
        try:
            with Image.open(upload) as image:
                if image.format not in ACCEPTED_FORMATS:
                    raise forms.ValidationError(self.error_messages["format"], code="format")
                if image.width > MAX_SIDE or image.height > MAX_SIDE:
                    raise forms.ValidationError(self.error_messages["dimensions"], code="dimensions")
                return redrawn_png(image)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
            # Not an image Pillow can read (an SVG, a renamed document), or a broken one.
            raise forms.ValidationError(self.error_messages["format"], code="format") from error
