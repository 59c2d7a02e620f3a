"""Honest change history: editors say whether a published change was major, minor or a
correction (đính chính, Law 104/2016/QH13 Art. 34(1)(a)). Major changes and corrections are
listed on the page with their public note; a correction is announced at the top of the page for
30 days and mailed to the page's followers. Notes live here, keyed by page and revision, so no
page model changes."""
