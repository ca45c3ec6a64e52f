from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from liaison.directory.views.password import password_change_page
from liaison.directory.views.second_factor import (
    second_factor_enrol_page,
    second_factor_verify_page,
)
from liaison.directory.views.second_factor_own import second_factor_manage_page, second_factor_replace_page
from liaison.directory.views.signin import SigninView, SignoutView
from liaison.portal.sitemaps import SITEMAPS
from liaison.web.api import api
from liaison.web.views.health import healthz

urlpatterns = [
    # The public portal first: its anonymous visitors are most of the requests, and a URL is resolved by
    # trying the patterns in order.
    path("portal/", include("liaison.portal.urls")),
    path("healthz", healthz, name="healthz"),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("captcha/", include("captcha.urls")),
    path("accounts/login/", SigninView.as_view(), name="login"),
    path("accounts/logout/", SignoutView.as_view(), name="logout"),
    path("accounts/password/", password_change_page, name="password_change"),
    path("accounts/second-factor/", second_factor_verify_page, name="second_factor_verify"),
    path("accounts/second-factor/enrol/", second_factor_enrol_page, name="second_factor_enrol"),
    path("accounts/second-factor/manage/", second_factor_manage_page, name="second_factor_manage"),
    path("accounts/second-factor/replace/", second_factor_replace_page, name="second_factor_replace"),
    path("", include("liaison.web.urls")),
    path("catalogue/", include("liaison.catalogue.urls")),
    path("officers/", include("liaison.officers.urls")),
    path("intake/", include("liaison.intake.urls")),
    path("tracking/", include("liaison.tracking.urls")),
    path("consultations/", include("liaison.consultations.urls")),
    path("coordination/", include("liaison.coordination.urls")),
    path("closure/", include("liaison.closure.urls")),
    path("evaluation/", include("liaison.evaluation.urls")),
    path("assessment/", include("liaison.assessment.urls")),
    path("complaints/", include("liaison.complaints.urls")),
    path("supervision/", include("liaison.supervision.urls")),
    path("publicity/", include("liaison.publicity.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("audit/", include("liaison.audit.urls")),
    path("manage/", include("liaison.directory.urls")),
    path("calendar/", include("liaison.workcal.urls")),
    path("deadlines/", include("liaison.deadlines.urls")),
    path("notifications/", include("liaison.notifications.urls")),
    path("exports/", include("liaison.core.urls")),
]

# Uploaded files are never served from MEDIA_URL, not even under DEBUG: each app's download view checks who
# may read the file (liaison/web/tests/test_media_not_served.py).
