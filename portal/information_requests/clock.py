"""The law's clocks for a request made online (Law 104/2016/QH13 Art. 30), counted from the day
the valid request was received, that day not counted, in working days of the editable calendar
(portal/core/working_days.py):

- simple information, available: provided within 3 working days (Art. 30(3));
- complex information: the requester is told the time needed within 3 working days, and the
  information is provided or refused within 15 working days (Art. 30(4));
- extension: once, "tối đa không quá 15 ngày" (Art. 30(4), second paragraph). The text says
  days, not working days (unlike every other time in the article), so the extension is counted
  in calendar days.
"""

import datetime

from django.utils import timezone

from portal.core.working_days import add_working_days

from .choices import Complexity

FIRST_ANSWER = 3  # working days: a simple request's answer, or a complex one's notice
COMPLEX = 15  # working days
EXTENSION = 15  # calendar days


def received_on(request):
    return timezone.localdate(request.created_at)


def due_on_receipt(received):
    return add_working_days(received, FIRST_ANSWER)


def due_for(received, complexity):
    days = COMPLEX if complexity == Complexity.COMPLEX else FIRST_ANSWER
    return add_working_days(received, days)


def extended(due):
    return due + datetime.timedelta(days=EXTENSION)
