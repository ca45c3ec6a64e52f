from django.urls import path

from liaison.web.views.account import api_tokens, switch_role
from liaison.web.views.dashboard import dashboard

app_name = "web"
urlpatterns = [
    path("", dashboard, name="dashboard"),
    path("account/role/", switch_role, name="switch_role"),
    path("account/tokens/", api_tokens, name="api_tokens"),
]
