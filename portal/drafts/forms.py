from django import forms
from django.utils.translation import gettext_lazy as _

from portal.engagement.forms import CONSENT_TEXT, PublicFormMixin

TEXT_LIMIT = 5000


class DraftCommentForm(forms.Form):
    """What a comment must be, for the web form and the API alike."""

    article = forms.CharField(
        label=_("Góp ý cho Điều (để trống nếu góp ý chung cho cả dự thảo)"),
        max_length=50,
        required=False,
    )
    name = forms.CharField(label=_("Họ tên"), max_length=100, required=False)
    organisation = forms.CharField(label=_("Tên tổ chức"), max_length=200, required=False)
    email = forms.EmailField(label=_("Thư điện tử (không công bố)"), max_length=254)
    text = forms.CharField(
        label=_("Nội dung góp ý"), min_length=10, max_length=TEXT_LIMIT, widget=forms.Textarea
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Bạn cần đồng ý với việc xử lý dữ liệu cá nhân để gửi.")},
    )

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("name") or cleaned.get("organisation")):
            self.add_error("name", _("Hãy cho biết họ tên hoặc tên tổ chức."))
        return cleaned


class PublicDraftCommentForm(PublicFormMixin, DraftCommentForm):
    pass
