from wagtail.admin.forms import WagtailAdminPageForm

from .models.pages import slug_for


class ProcedurePageForm(WagtailAdminPageForm):
    """Editors type the full name and the code; the slug follows them unless given."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        code = self.cleaned_data.get("code")
        if not slug and code:
            slug = slug_for(code, self.cleaned_data.get("name", ""))
        return slug
