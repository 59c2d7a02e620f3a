"""The request form (Law 104/2016/QH13 Art. 24(2)), filled by the public page and the API alike,
and the staff's handling forms."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from portal.engagement import attachments
from portal.engagement.forms import ContactFields, MultipleFileInput, PublicFormMixin

from .choices import Complexity, Delivery, RefusalGround

IDENTITY = RegexValidator(
    r"^[A-Za-z0-9]{8,12}$",
    _("Số định danh cá nhân, CCCD hoặc hộ chiếu gồm 8 đến 12 chữ và số."),
)


class RequestForm(ContactFields):
    address = forms.CharField(label=_("Nơi cư trú, địa chỉ"), max_length=255)
    identity_number = forms.CharField(
        label=_("Số định danh cá nhân, CCCD hoặc hộ chiếu"), max_length=12, validators=[IDENTITY]
    )
    subject = forms.CharField(
        label=_("Tóm tắt thông tin yêu cầu (được công khai, không ghi thông tin cá nhân)"),
        max_length=200,
    )
    text = forms.CharField(
        label=_("Thông tin được yêu cầu: tên văn bản, hồ sơ, tài liệu"),
        min_length=10,
        max_length=5000,
        widget=forms.Textarea,
    )
    delivery = forms.ChoiceField(label=_("Hình thức cung cấp"), choices=Delivery.choices)
    purpose = forms.CharField(
        label=_("Lý do, mục đích yêu cầu"), min_length=5, max_length=2000, widget=forms.Textarea
    )

    field_order = [
        "name", "address", "province", "identity_number", "phone", "email",
        "subject", "text", "delivery", "purpose", "consent",
    ]  # fmt: skip


class PublicRequestForm(PublicFormMixin, RequestForm):
    pass


class ClassifyForm(forms.Form):
    complexity = forms.ChoiceField(label=_("Phân loại"), choices=Complexity.choices)


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do gia hạn (công khai)"), max_length=2000, widget=forms.Textarea
    )


class AttachmentsField(forms.FileField):
    """Files checked by content and size as citizens' attachments are (PDF, image, .docx)."""

    widget = MultipleFileInput(attrs={"accept": attachments.ACCEPT})

    def clean(self, data, initial=None):
        files = [
            upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload
        ]
        for upload in files:
            attachments.check_attachment(upload)
        return files


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea)
    attachments = AttachmentsField(label=_("Tệp đính kèm"), required=False)
    publish = forms.BooleanField(label=_("Công bố câu trả lời trong sổ theo dõi"), required=False)


class RefuseForm(forms.Form):
    refusal_ground = forms.ChoiceField(
        label=_("Căn cứ từ chối (Điều 28 khoản 1)"), choices=RefusalGround.choices
    )
    note = forms.CharField(label=_("Giải thích (công khai)"), required=False, widget=forms.Textarea)


ACTIONS = {
    "classify": ClassifyForm,
    "extend": ExtendForm,
    "answer": AnswerForm,
    "refuse": RefuseForm,
}
