from django.urls import path

from liaison.assessment.views import methods, periods

app_name = "assessment"

urlpatterns = [
    path("", periods.period_list_page, name="periods"),
    path("periods/<int:pk>/", periods.period_page, name="period"),
    path("periods/<int:pk>/report.<str:fmt>", periods.period_report, name="period_report"),
    path("results/<int:pk>/", periods.result_page, name="result"),
    path("methods/", methods.method_list_page, name="methods"),
    path("methods/new/", methods.method_edit, name="method_new"),
    path("methods/<int:pk>/", methods.method_page, name="method"),
    path("methods/<int:pk>/edit/", methods.method_edit, name="method_edit"),
    path("methods/<int:pk>/method.docx", methods.method_word, name="method_docx"),
]
