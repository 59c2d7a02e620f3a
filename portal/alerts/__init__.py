"""Email alerts: anyone follows a news section, a legal-document query, a saved search or one
page by email (double opt-in, no account); the content event log drives what is sent.

- `following`: what can be followed, validated and matched against a changed page;
- `subscribing`: the signed links (confirm, manage, unsubscribe) and the subscriptions;
- `matching`: the log consumer that turns content events into alerts, once each;
- `sending` / `digests`: the outbox (retries, rate limit) and the daily and weekly digests.
"""
