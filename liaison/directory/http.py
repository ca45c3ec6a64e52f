"""A request type whose `user` is signed in, for views behind login_required (typing only)."""

from django.http import HttpRequest

from liaison.directory.models import User


class AuthedHttpRequest(HttpRequest):
    user: User
