"""The code a partner pastes into their website to show the widget."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from alliance.core.emails import absolute_url

# Partners keep the snippet for years: the script's address has no content hash, its version is in the name.
SCRIPT_PATH = "widget/v1.js"
# The widget's height before its page reports its own (the sign form, without error messages).
FRAME_HEIGHT = 640


@dataclass(frozen=True)
class Snippets:
    script: str
    placeholder: str
    frame: str
    frame_url: str


def widget_path(*, campaign_slug: str, language: str = "") -> str:
    """The widget page; without a language, the address that sends the visitor on in their browser's language."""
    with translation.override(language or None):
        path = reverse("widgets:widget", kwargs={"slug": campaign_slug})
    if not language:
        _, _, rest = path.lstrip("/").partition("/")
        path = "/" + rest
    return path


def snippets_for(*, campaign_slug: str, partner_id: int | None = None, language: str = "") -> Snippets:
    """The three ways to embed: a script tag, a placeholder for the script, and a plain frame."""
    attributes = {"data-campaign": campaign_slug, "data-partner": partner_id or "", "data-lang": language}
    data = " ".join(f'{name}="{escape(value)}"' for name, value in attributes.items() if value)
    script_url = escape(absolute_url(settings.STATIC_URL + SCRIPT_PATH))
    frame_url = absolute_url(widget_path(campaign_slug=campaign_slug, language=language))
    if partner_id:
        frame_url += "?" + urlencode({"partner": partner_id})
    return Snippets(
        script=f'<script src="{script_url}" {data} async></script>',
        placeholder=f'<div data-cohesion-widget {data}></div>\n<script src="{script_url}" async></script>',
        frame=(
            f'<iframe src="{escape(frame_url)}" title="#CohesionAlliance" width="100%" height="{FRAME_HEIGHT}"'
            ' style="border:0" loading="lazy"></iframe>'
        ),
        frame_url=frame_url,
    )
