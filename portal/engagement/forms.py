"""One validation for every way in: the public HTML forms and the API both fill these forms.

`QuestionForm` and `ReportForm` hold what a submission is; the public pages add the honeypot
and the challenge with `PublicFormMixin`.
"""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from portal.core.identifiers import LARGEST_ID
from portal.core.models import Field
from portal.core.visibility import is_visible

from . import antiabuse, attachments
from .choices import PROVINCE_CHOICES, ReportCategory, current_province
from .models import ExchangePage
from .photos import MAX_PHOTOS, check_photo

PHONE = RegexValidator(r"^\+?[0-9 .\-]{8,15}$", _("Số điện thoại không hợp lệ."))
CONSENT_TEXT = _(
    "Tôi đồng ý để cơ quan xử lý thông tin cá nhân trên nhằm trả lời, xử lý nội dung tôi gửi, "
    "theo Nghị định 13/2023/NĐ-CP. Thông tin cá nhân không được công bố và được xóa khi hết "
    "thời hạn lưu trữ."
)


class ProvinceField(forms.ChoiceField):
    """One of the 34 provinces; a former province's name is taken as the one it joined."""

    def __init__(self, **kwargs):
        super().__init__(choices=PROVINCE_CHOICES, **kwargs)

    def to_python(self, value):
        return current_province(super().to_python(value))


class ContactFields(forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=100)
    email = forms.EmailField(label=_("Thư điện tử"), max_length=254, required=False)
    phone = forms.CharField(
        label=_("Điện thoại"), max_length=20, required=False, validators=[PHONE]
    )
    province = ProvinceField(label=_("Tỉnh, thành phố"))
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Bạn cần đồng ý với việc xử lý dữ liệu cá nhân để gửi.")},
    )


class PageIdChoiceField(forms.ModelChoiceField):
    """A page chosen by id; an id no database can hold is an invalid choice like any other."""

    def to_python(self, value):
        if value not in self.empty_values and not (
            str(value).isdigit() and int(str(value)) <= LARGEST_ID
        ):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class QuestionForm(ContactFields):
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        queryset=Field.objects.order_by("name"),
        to_field_name="slug",
        required=False,
    )
    title = forms.CharField(label=_("Tiêu đề"), max_length=200)
    text = forms.CharField(
        label=_("Nội dung câu hỏi"), min_length=10, max_length=5000, widget=forms.Textarea
    )
    attachment = forms.FileField(
        label=_("Tệp đính kèm (không bắt buộc: PDF, ảnh hoặc Word .docx)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": attachments.ACCEPT}),
    )

    exchange = PageIdChoiceField(
        label=_("Giao lưu trực tuyến"),
        queryset=ExchangePage.objects.all(),
        required=False,
        widget=forms.HiddenInput,
    )

    field_order = [
        "name", "email", "phone", "province", "field", "title", "text", "attachment", "consent",
    ]  # fmt: skip

    def clean_exchange(self):
        exchange = self.cleaned_data.get("exchange")
        if exchange is not None and not is_visible(exchange):
            raise forms.ValidationError(
                self.fields["exchange"].error_messages["invalid_choice"], code="invalid_choice"
            )
        if exchange is not None and exchange.ended:
            raise forms.ValidationError(_("Buổi giao lưu đã kết thúc, không nhận thêm câu hỏi."))
        return exchange

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        return upload, attachments.check_attachment(upload)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    widget = MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_PHOTOS:
            raise forms.ValidationError(_("Tối đa %(count)s ảnh.") % {"count": MAX_PHOTOS})
        checked = []
        for upload in files:
            checked.append((upload, *check_photo(upload)))
        return checked


class ReportForm(ContactFields):
    name = forms.CharField(label=_("Họ và tên"), max_length=100, required=False)
    category = forms.ChoiceField(label=_("Loại phản ánh"), choices=ReportCategory.choices)
    commune = forms.CharField(label=_("Xã, phường, đặc khu"), max_length=100, required=False)
    address = forms.CharField(label=_("Địa điểm cụ thể"), max_length=255, required=False)
    latitude = forms.DecimalField(
        label=_("Vĩ độ"), min_value=-90, max_value=90, decimal_places=6, required=False
    )
    longitude = forms.DecimalField(
        label=_("Kinh độ"), min_value=-180, max_value=180, decimal_places=6, required=False
    )
    occurred_on = forms.DateField(
        label=_("Ngày xảy ra"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    description = forms.CharField(
        label=_("Nội dung phản ánh"), min_length=10, max_length=5000, widget=forms.Textarea
    )
    photos = PhotosField(label=_("Ảnh (tối đa 5 ảnh JPEG, PNG, WebP)"), required=False)

    field_order = [
        "category", "province", "commune", "address", "latitude", "longitude", "occurred_on",
        "description", "photos", "name", "email", "phone", "consent",
    ]  # fmt: skip


class PublicFormMixin(forms.Form):
    """The honeypot (left empty by people, filled by bots) and the server's challenge."""

    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    challenge_token = forms.CharField(required=False, widget=forms.HiddenInput)
    challenge_answer = forms.CharField(label=_("Câu hỏi kiểm tra"), max_length=10, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.captcha = antiabuse.captcha_enabled()
        if not self.captcha:
            del self.fields["challenge_token"], self.fields["challenge_answer"]
            return
        self.fields["challenge_answer"].required = True
        # The page always shows a new challenge, even after an error: each works once.
        self.new_token, self.challenge_question = antiabuse.new_challenge()

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Không gửi được biểu mẫu này."))
        return ""

    def clean(self):
        cleaned = super().clean()
        if self.captcha and "challenge_answer" in cleaned:
            error = antiabuse.check_challenge(
                cleaned.get("challenge_token"), cleaned["challenge_answer"]
            )
            if error:
                self.add_error("challenge_answer", error)
        return cleaned


class PublicQuestionForm(PublicFormMixin, QuestionForm):
    pass


class PublicReportForm(PublicFormMixin, ReportForm):
    pass
