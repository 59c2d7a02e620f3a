"""Wagtail's workflow mails (submitted, approved, rejected) addressed from the page's own site,
in the recipient's admin language.

- Links: Wagtail's notification templates begin every admin link with `{% base_url_setting %}`,
  a fixed setting (WAGTAILADMIN_BASE_URL) that said `http://127.0.0.1:8000` whatever address the
  portal is served at. Here the tag's base URL is the public address (`root_url()`, so
  `PUBLIC_URL` or the site's own configured address) of the site that owns the page the mail is
  about; outside a workflow mail, the site of the request being answered.
- Language: Wagtail renders each mail in the recipient's preferred admin language, and when the
  recipient chose none, in the language of whoever triggered the mail (an editor using the admin
  in English made the board's mail English). A recipient who chose none gets the portal's
  language, Vietnamese. The Vietnamese of Wagtail's mail texts is in portal/locale
  (`workflow_mail_texts.py` lists them).

`connect()` replaces Wagtail's notifiers under their own dispatch uids, whichever app is ready
first: ours are subclasses that only set the address and the language around Wagtail's work.
"""

import contextvars
from contextlib import contextmanager

from django.conf import settings
from django.utils import translation

from wagtail.admin import mail as wagtail_mail
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from portal.core.public_url import root_url
from portal.core.sites import owner_site

_base_url = contextvars.ContextVar("admin_mail_base_url", default=None)


def admin_base_url():
    """Where admin links in mails begin: the site of the mail's page, else the request's site."""
    return _base_url.get() or root_url() or settings.WAGTAILADMIN_BASE_URL


@contextmanager
def addressed_from(instance):
    content = instance.workflow_state if isinstance(instance, TaskState) else instance
    content = getattr(content, "content_object", None)
    site = owner_site(content) if isinstance(content, Page) else None
    token = _base_url.set(root_url(site=site) if site is not None else None)
    try:
        with translation.override(settings.LANGUAGE_CODE):
            yield
    finally:
        _base_url.reset(token)


class _FromTheSite:
    def __call__(self, instance=None, **kwargs):
        if not self.can_handle(instance, **kwargs):
            return False
        with addressed_from(instance):
            return super().__call__(instance, **kwargs)


class TaskSubmitted(_FromTheSite, wagtail_mail.GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmitted(_FromTheSite, wagtail_mail.WorkflowStateSubmissionEmailNotifier):
    pass


class WorkflowApproved(_FromTheSite, wagtail_mail.WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejected(_FromTheSite, wagtail_mail.WorkflowStateRejectionEmailNotifier):
    pass


# (signal, sender, Wagtail's dispatch uid, our notifier)
NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", TaskSubmitted),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmitted,
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejected,
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApproved,
    ),
]
_notifiers = []


def connect():
    wagtailadmin_tags.get_admin_base_url = admin_base_url
    for signal, sender, uid, notifier_class in NOTIFIERS:
        notifier = notifier_class()
        _notifiers.append(notifier)  # signals keep weak references
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(notifier, sender=sender, dispatch_uid=uid)
