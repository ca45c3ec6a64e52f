from django.urls import path

from liaison.publicity.feeds import ArticleFeed
from liaison.publicity.views import articles, enquiries, enquiry_public, public

app_name = "publicity"

urlpatterns = [
    # Anyone
    path("", public.article_list, name="article_list"),
    path("articles/<int:pk>/", public.article_detail, name="article_detail"),
    path("feed/", ArticleFeed(), name="feed"),
    path("images/<int:pk>/", public.image, name="image"),
    path("faq/", public.faq, name="faq"),
    path("enquiries/new/", enquiry_public.enquiry_new, name="enquiry_new"),
    path("enquiries/status/", enquiry_public.enquiry_status, name="enquiry_status"),
    # The centre
    path("manage/articles/", articles.article_manage, name="article_manage"),
    path("manage/articles/new/", articles.article_new, name="article_new"),
    path("manage/articles/<int:pk>/", articles.article_edit, name="article_edit"),
    path("manage/articles/<int:pk>/images/", articles.article_image, name="article_image"),
    path("manage/articles/<int:pk>/preview/", articles.article_preview, name="article_preview"),
    path("manage/articles/<int:pk>/<slug:step>/", articles.article_step, name="article_step"),
    path("manage/enquiries/", enquiries.enquiry_list_page, name="enquiries"),
    path("manage/enquiries/<int:pk>/", enquiries.enquiry_detail, name="enquiry_detail"),
    path("manage/enquiries/<int:pk>/<slug:step>/", enquiries.enquiry_act, name="enquiry_act"),
    path("manage/faqs/", enquiries.faq_manage, name="faq_manage"),
    path("manage/settings/", enquiries.settings_page, name="settings"),
]
