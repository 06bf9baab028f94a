# SPDX-License-Identifier: EUPL-1.2
"""E-mail to reporters and partners, through Django's mail backend.

The texts are templates: the built-in ones in ``templates/reports/email/``,
and per status and language an edited one in the admin (``MailTemplate``),
which wins when present.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template import Context, Template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wijkaanpak.apps.reports.models import MailTemplate, Notification, PartnerLink
from wijkaanpak.apps.reports.selectors import notifications_to_email

logger = logging.getLogger(__name__)


def tracking_url(token: str) -> str:
    """The full address of a reporter's tracking page."""
    return settings.WIJKAANPAK_SITE_URL + reverse("reports:track", args=[token])


def partner_url(token: str) -> str:
    """The full address of a partner's return link."""
    return settings.WIJKAANPAK_SITE_URL + reverse(
        "reports:partner_return", args=[token]
    )


def _render(notification: Notification, language: str) -> tuple[str, str]:
    report = notification.report
    context = {
        "report": report,
        "problem": report.problem,
        "status": notification.get_status_display(),
        "status_code": notification.status,
        "note": notification.change.note,
        "tracking_url": tracking_url(report.tracking_token),
    }
    edited = MailTemplate.objects.filter(
        status=notification.status, language=language
    ).first()
    if edited is not None:
        plain = Context(context, autoescape=False)
        return (
            Template(edited.subject).render(plain).strip(),
            Template(edited.body).render(plain),
        )
    subject = render_to_string("reports/email/status_subject.txt", context)
    body = render_to_string("reports/email/status_body.txt", context)
    return " ".join(subject.split()), body


def send_status_mail(notification_ids: list[int]) -> int:
    """Send the queued status e-mails; return how many went out."""
    sent = 0
    language = settings.LANGUAGE_CODE
    for notification in notifications_to_email(notification_ids):
        report = notification.report
        if not report.contact_email or report.contact_erased_at is not None:
            continue
        with translation.override(language):
            subject, body = _render(notification, language)
        try:
            send_mail(
                subject, body, settings.DEFAULT_FROM_EMAIL, [report.contact_email]
            )
        except OSError:
            # The address stays out of the log; the id is enough to look it up.
            logger.warning("status e-mail for report %s failed", report.pk)
            continue
        sent += 1
    return sent


def send_partner_mail(link: PartnerLink, token: str) -> None:
    """Send a partner the return link of a problem."""
    if not link.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "reports/email/partner_body.txt",
            {"link": link, "problem": link.problem, "url": partner_url(token)},
        )
        subject = " ".join(
            render_to_string(
                "reports/email/partner_subject.txt", {"problem": link.problem}
            ).split()
        )
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [link.email])
    except OSError:
        logger.warning("return link e-mail for problem %s failed", link.problem_id)
