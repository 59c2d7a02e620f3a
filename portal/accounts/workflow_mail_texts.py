"""The texts of Wagtail's workflow and comment mails (templates wagtailadmin/notifications/), which
Wagtail's Vietnamese catalogue leaves in English. Listed here so that `make messages` keeps them
in portal/locale, whose catalogue Django reads before Wagtail's (see workflow_mail.py)."""

from django.utils.translation import gettext_noop

WORKFLOW_MAIL = [
    gettext_noop("Hello %(username)s,"),
    gettext_noop("Edit your notification preferences here:"),
    gettext_noop("You can edit the page here:"),
    gettext_noop("You can preview the page here:"),
    gettext_noop("You can view the page here:"),
    gettext_noop("You can edit the %(model_name)s here:"),
    gettext_noop("You can preview the %(model_name)s here:"),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval to moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by '
        "%(requester)s."
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'
    ),
    gettext_noop('The page "%(title)s" has been submitted to workflow "%(workflow)s"'),
    gettext_noop('The page "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop('The page "%(title)s" has been approved in "%(workflow)s".'),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by '
        "%(rejector)s."
    ),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'
    ),
    gettext_noop('The page "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop('The following comment was left: "%(comment)s"'),
    # Comments on a page (wagtailadmin/notifications/updated_comments.*)
    gettext_noop('%(editor)s has updated comments on "%(title)s".'),
    gettext_noop('%(editor)s has updated comments on "%(title)s"'),
    gettext_noop("New comments:"),
    gettext_noop("Resolved comments:"),
    gettext_noop("Deleted comments:"),
    gettext_noop("New replies:"),
    gettext_noop("New replies to:"),
]
