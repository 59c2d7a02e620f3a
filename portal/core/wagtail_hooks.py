from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Agency, Field, Topic


class FieldViewSet(SnippetViewSet):
    model = Field
    icon = "tag"
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name"]
    list_filter = ["ministries"]


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    list_display = ["name", "level", "parent"]
    search_fields = ["name"]
    list_filter = ["level"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Phân loại"
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (FieldViewSet, AgencyViewSet, TopicViewSet)


register_snippet(TaxonomyGroup)
