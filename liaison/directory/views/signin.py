"""Sign-in and sign-out pages: Django's views, with the session started and ended by services/signin.py."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from liaison.directory.forms import ThrottledAuthenticationForm
from liaison.directory.services.second_factor import ENROL, VERIFY, second_factor_state
from liaison.directory.services.signin import signin_complete, signout


class SigninView(auth_views.LoginView):
    """登录: lockout per account, audited; staff then go on to the code step (or enrolment)."""

    authentication_form = ThrottledAuthenticationForm

    def form_valid(self, form: Any) -> HttpResponse:
        signin_complete(request=self.request, user=form.get_user())
        state = second_factor_state(self.request)
        if state in (VERIFY, ENROL):
            step = "second_factor_verify" if state == VERIFY else "second_factor_enrol"
            return HttpResponseRedirect(f"{reverse(step)}?{urlencode({'next': self.get_success_url()})}")
        return HttpResponseRedirect(self.get_success_url())


class SignoutView(auth_views.LogoutView):
    """退出登录 (POST only), audited."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        signout(request=request)
        return super().post(request, *args, **kwargs)
