"""A model field for a few values from a fixed set, filterable on SQLite and PostgreSQL alike."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

SEPARATOR = "|"


class MultipleChoiceField(models.CharField):
    """A list of choice values stored as `|a|b|`, in the order of the choices.

    `queryset.filter(name__contains=MultipleChoiceField.token("a"))` finds rows holding "a"
    without JSON lookups, which SQLite lacks.
    """

    def __init__(self, *args, value_choices=(), **kwargs):
        self.value_choices = list(value_choices)
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    @staticmethod
    def token(value):
        return f"{SEPARATOR}{value}{SEPARATOR}"

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["value_choices"] = self.value_choices
        return name, path, args, kwargs

    def _ordered(self, values):
        order = {value: index for index, (value, _label) in enumerate(self.value_choices)}
        return sorted(dict.fromkeys(values), key=lambda value: order.get(value, len(order)))

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, str):
            return [part for part in value.split(SEPARATOR) if part]
        return self._ordered(str(item) for item in value)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        values = self.to_python(value)
        return SEPARATOR + SEPARATOR.join(self._ordered(values)) + SEPARATOR if values else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")
        known = {choice for choice, _label in self.value_choices}
        unknown = [item for item in value if item not in known]
        if unknown:
            raise ValidationError(
                "Giá trị không hợp lệ: %(values)s", params={"values": ", ".join(unknown)}
            )

    def run_validators(self, value):
        # max_length applies to the stored text, not to the number of values.
        stored = self.get_prep_value(value)
        if len(stored) > self.max_length:
            raise ValidationError("Quá nhiều giá trị.")

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.value_choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
