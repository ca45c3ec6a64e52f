from django.urls import path

from liaison.evaluation.views import enterprise, figures, followups, reviews, settings, visits

app_name = "evaluation"

urlpatterns = [
    path("", enterprise.my_invitations, name="mine"),
    path("invitations/<int:pk>/", enterprise.invitation_page, name="invitation"),
    path("reviews/", reviews.review_list_page, name="reviews"),
    path("reviews/<int:pk>/", reviews.review_page, name="review"),
    path("follow-ups/", followups.follow_up_list_page, name="follow_ups"),
    path("follow-ups/<int:pk>/", followups.follow_up_page, name="follow_up"),
    path("visits/", visits.visit_list_page, name="visits"),
    path("visits/<int:pk>/", visits.visit_page, name="visit"),
    path("visits/new/", visits.visit_new, name="visit_new"),
    path("figures/", figures.figures_page, name="figures"),
    path("settings/", settings.settings_page, name="settings"),
]
