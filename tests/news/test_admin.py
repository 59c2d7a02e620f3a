from django.contrib.auth.models import User


def test_editor_forms_render_in_the_admin(client, make_news, section):
    page = make_news(slug="sua-tin")
    client.force_login(User.objects.create_superuser("quan-tri", password="mật-khẩu-dài"))

    add = client.get(f"/admin/pages/add/news/newspage/{section.pk}/")
    edit = client.get(f"/admin/pages/{page.pk}/edit/")

    assert add.status_code == 200
    assert edit.status_code == 200
    assert "Văn bản thay thế của ảnh đại diện" in edit.content.decode()
