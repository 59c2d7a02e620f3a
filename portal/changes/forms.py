from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ChangeNote


class ChangeNoteForm(forms.ModelForm):
    class Meta:
        model = ChangeNote
        fields = ["kind", "note"]
        widgets = {"kind": forms.RadioSelect}

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if (
            kind in (ChangeNote.Kind.MAJOR, ChangeNote.Kind.CORRECTION)
            and not cleaned.get("note", "").strip()
        ):
            self.add_error(
                "note", _("Thay đổi quan trọng và đính chính cần một dòng ghi chú công khai.")
            )
        return cleaned
