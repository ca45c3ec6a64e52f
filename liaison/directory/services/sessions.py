"""Session timeouts (等保 2.0 level 3: end idle sessions): idle and absolute, checked on every request.

A session ends after `settings.SESSION_IDLE_TIMEOUT` seconds without a request (default 30 minutes) and
`settings.SESSION_COOKIE_AGE` seconds after sign-in however busy it is (default 8 hours). Django's own
cookie age alone is not absolute: it restarts whenever the session is saved. The clocks are started by
`signin_complete` (every sign-in); a session without them is left to the cookie age.

A page's own polling (a progress bar refreshing itself) sends the header `X-Background-Poll: 1`
(`BACKGROUND_POLL_HEADER`): it is checked against both limits like any request but does not count as
activity, so a page left open on a running job still ends after the idle limit.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record

SIGNED_IN_AT = "signed_in_at"
LAST_SEEN = "last_seen"
TOUCH_EVERY = 60  # seconds: the last-seen time is rewritten at most once a minute, not on every request
BACKGROUND_POLL_HEADER = "X-Background-Poll"


def session_start(*, request: HttpRequest) -> None:
    """Start both clocks (called at sign-in, so signing in again restarts the absolute limit too)."""
    request.session[SIGNED_IN_AT] = request.session[LAST_SEEN] = time.time()


def session_touch(*, request: HttpRequest, now: float | None = None) -> str | None:
    """Keep a signed-in session alive, or end it; the message telling why it ended, or None."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not hasattr(request, "session"):
        return None
    session = request.session
    if SIGNED_IN_AT not in session or LAST_SEEN not in session:
        return None  # not started by signin_complete (a test client's force_login): the cookie age applies
    now = time.time() if now is None else now
    signed_in_at = float(session[SIGNED_IN_AT])
    last_seen = float(session[LAST_SEEN])
    idle_limit = int(settings.SESSION_IDLE_TIMEOUT)
    absolute_limit = int(settings.SESSION_COOKIE_AGE)
    if now - last_seen > idle_limit:
        reason, message = "idle", _("您已超过 %(m)d 分钟未操作，请重新登录。") % {"m": idle_limit // 60}
    elif now - signed_in_at > absolute_limit:
        reason, message = "absolute", _("登录已满 %(h)d 小时，请重新登录。") % {"h": absolute_limit // 3600}
    else:
        if now - last_seen >= TOUCH_EVERY and request.headers.get(BACKGROUND_POLL_HEADER) != "1":
            session[LAST_SEEN] = now
        return None
    audit_record(
        actor=user,
        action="auth.session_expired",
        obj=user,
        summary=_("会话空闲超时，已退出登录") if reason == "idle" else _("会话已达最长时限，已退出登录"),
        extra={"reason": reason},
    )
    logout(request)
    return message
