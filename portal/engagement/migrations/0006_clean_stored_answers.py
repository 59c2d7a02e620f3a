"""Answers stored before they went through the rich-text whitelist are cleaned once."""

from django.db import migrations

from portal.core.sanitise import clean_html


def clean_answers(apps, schema_editor):
    AnswerPage = apps.get_model("engagement", "AnswerPage")
    for page in AnswerPage.objects.only("pk", "answer").iterator():
        cleaned = clean_html(page.answer)
        if cleaned != page.answer:
            AnswerPage.objects.filter(pk=page.pk).update(answer=cleaned)


class Migration(migrations.Migration):
    dependencies = [("engagement", "0005_comments")]

    operations = [migrations.RunPython(clean_answers, migrations.RunPython.noop)]
