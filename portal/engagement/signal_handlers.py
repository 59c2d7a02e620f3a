from wagtail.signals import page_published


def on_published(sender, instance, **kwargs):
    from .answering import on_answer_published
    from .models import AnswerPage

    if isinstance(instance, AnswerPage):
        on_answer_published(instance)


def connect():
    page_published.connect(on_published, dispatch_uid="engagement_answer_published")
