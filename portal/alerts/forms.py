"""The subscription form of the public page; the API fills the same one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .following import LEGAL_FILTERS, NotFollowable, target_from
from .models import Frequency, Subscription


class SubscriptionForm(forms.Form):
    """Without JavaScript a citizen picks what to follow: a news section or a topic from the
    lists of those that exist; a procedure, a document, a legal listing or a search arrives
    chosen from its own page's "Theo dõi" link (hidden fields)."""

    email = forms.EmailField(label=_("Thư điện tử"), max_length=254)
    kind = forms.ChoiceField(
        label=_("Theo dõi"), choices=Subscription.Kind.choices, widget=forms.RadioSelect
    )
    section = forms.CharField(label=_("Chuyên mục tin"), required=False, max_length=100)
    topic = forms.CharField(label=_("Chủ đề"), required=False, max_length=100)
    url = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)
    page = forms.IntegerField(required=False, widget=forms.HiddenInput)
    frequency = forms.ChoiceField(
        label=_("Tần suất"), choices=Frequency.choices, initial=Frequency.IMMEDIATE, required=False
    )
    # Left empty by people; bots fill every field.
    website = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, filters=None, choices=None, site=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters = filters or {}
        self.site = site  # the site the form is sent on: what it shows can be followed
        for name, facet in (("section", "section"), ("topic", "tag")):
            if choices is None:
                self.fields[name].widget = forms.HiddenInput()
            else:
                options = [("", _("— Chọn —")), *choices[facet]]
                self.fields[name].widget = forms.Select(choices=options)
        if choices is not None:
            # What a page's link chose, or what the lists offer.
            chosen = (self.data if self.is_bound else self.initial).get("kind")
            self.fields["kind"].choices = [
                choice
                for choice in Subscription.Kind.choices
                if choice[0] in (Subscription.Kind.SECTION, Subscription.Kind.TOPIC, chosen)
            ]
            self.fields["kind"].initial = chosen or Subscription.Kind.SECTION
        self.target = None
        self.problem_field = None  # what a NotFollowable named that is not a form field

    def clean(self):
        data = super().clean()
        data["frequency"] = data.get("frequency") or Frequency.IMMEDIATE
        if data.get("website"):
            raise forms.ValidationError(_("Không gửi được đăng ký."))
        if "kind" not in data:
            return data
        try:
            self.target = target_from(
                data["kind"],
                section=data.get("section", ""),
                filters=self.filters,
                url=data.get("url", ""),
                page=data.get("page"),
                topic=data.get("topic", ""),
                site=self.site,
            )
        except NotFollowable as problem:
            field = problem.field if problem.field in self.fields else None
            self.problem_field = problem.field
            self.add_error(field, str(problem))
        return data


def legal_filters(params):
    """The legal filters (and `q`) among GET or POST parameters, or an unknown `filter_*` name."""
    filters = {}
    for name in params:
        if name.startswith("filter_"):
            filters[name.removeprefix("filter_")] = params.getlist(name)
        elif name in LEGAL_FILTERS:
            filters[name] = params.getlist(name)
    return filters
