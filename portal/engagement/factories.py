import factory

from . import codes
from .models import Contact, Question, Report


class ContactFactory(factory.django.DjangoModelFactory):
    name = "Nguyễn Văn An"
    email = factory.Sequence(lambda n: f"nguoi-hoi-{n}@example.vn")
    phone = "0912 345 678"

    class Meta:
        model = Contact


class QuestionFactory(factory.django.DjangoModelFactory):
    code = factory.LazyFunction(lambda: codes.new_code(codes.QUESTION))
    contact = factory.SubFactory(ContactFactory)
    province = "Hà Nội"
    title = factory.Sequence(lambda n: f"Hỏi về cấp giấy chứng nhận quyền sử dụng đất {n}")
    text = "Gia đình tôi có thửa đất ở, xin hỏi thủ tục cấp giấy chứng nhận?"
    public_text = factory.SelfAttribute("text")

    class Meta:
        model = Question


class ReportFactory(factory.django.DjangoModelFactory):
    code = factory.LazyFunction(lambda: codes.new_code(codes.REPORT))
    contact = factory.SubFactory(ContactFactory)
    province = "Đồng Nai"
    category = "water"
    description = "Nước thải xả ra sông có màu đen và mùi hôi."

    class Meta:
        model = Report
