"""Sending the site's e-mails: each one a text and an HTML part from three templates, in the reader's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path: str) -> str:
    """An address on this site as links in e-mails and snippets need it: whole, with SITE_URL in front."""
    return settings.SITE_URL.rstrip("/") + path


def send_templated_email(*, template: str, context: dict, to: str, language: str) -> None:
    """Render `<template>.subject.txt`, `.txt` and `.html` in `language` and send them as one message."""
    with translation.override(language):
        subject = render_to_string(f"{template}.subject.txt", context).strip()
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to], headers={"Auto-Submitted": "auto-generated"})
    message.attach_alternative(html, "text/html")
    message.send()
