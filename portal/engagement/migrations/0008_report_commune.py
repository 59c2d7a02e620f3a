from django.db import migrations, models


class Migration(migrations.Migration):
    """The district level was abolished on 1 July 2025: a report names its commune or ward."""

    dependencies = [
        ("engagement", "0007_report_deadline_notices"),
    ]

    operations = [
        migrations.RenameField(model_name="report", old_name="district", new_name="commune"),
        migrations.AlterField(
            model_name="report",
            name="commune",
            field=models.CharField(blank=True, max_length=100, verbose_name="Xã, phường, đặc khu"),
        ),
    ]
