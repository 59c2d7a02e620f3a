from django.urls import reverse

from wagtail.admin.panels import Panel


class ArticlesPanel(Panel):
    """On a legal document's edit page: how many articles it has, with links to edit them.

    Articles are edited in their own listing (see wagtail_hooks) because they are kept out of
    page revisions.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "legal/admin/articles_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["saved"] = bool(page.pk)
            if page.pk:
                context["count"] = page.articles.count()
                context["index_url"] = reverse("legal_article:index") + f"?document={page.pk}"
                context["add_url"] = reverse("legal_article:add") + f"?document={page.pk}"
                context["extraction_problems"] = extraction_problems(page)
            return context


def extraction_problems(page):
    """[(attachment title, problem)] of the attachments whose text could not be extracted."""
    from .models import AttachmentText

    attachments = {a.document_id: a for a in page.attachments.all() if a.document_id}
    texts = AttachmentText.objects.filter(document_id__in=attachments).exclude(
        status=AttachmentText.Status.OK
    )
    return [(attachments[text.document_id].display_title, text.problem) for text in texts]
