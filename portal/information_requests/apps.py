from django.apps import AppConfig


class InformationRequestsConfig(AppConfig):
    name = "portal.information_requests"
    label = "information_requests"
    verbose_name = "Yêu cầu cung cấp thông tin"
