"""Citizens talk back (issue 17): questions answered by the ministry, feedback and pollution
reports followed by a tracking code, and “was this useful?” ratings.

- `models/`: `Question`, `Report` (+ `ReportPhoto`, stored outside MEDIA_ROOT), their public
  `StatusChange` steps, `Contact` (the personal data, kept apart), `AnswerPage` and
  `QuestionIndexPage` (answers are Wagtail pages), `Rating`.
- `forms.py` is the one validation; `intake.py` takes a submission in one transaction;
  `answering.py` (questions) and `handling.py` (reports) are the staff's steps; `tracking.py`
  is what a code shows; `antiabuse.py` the rate limit, honeypot and challenge.
- `api.py` (the /api/questions/, /api/reports/, /api/challenge/ endpoints), `views.py` +
  `urls.py` (the public HTML forms), `wagtail_hooks.py` + `admin_views.py` (the admin).
- `personal_data.py` + `manage.py erase_personal_data` (retention, export and erasure),
  `figures.py` (for the statistics pages), `indexing.py` (search kind `question`), `demo/`.
"""
