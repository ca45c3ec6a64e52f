"""Locust users of four roles (officers, centre staff, enterprises, guides): each signs in once through the
sign-in page, then opens its sidebar pages (officers also their projects) with a pause between pages.

Run by `manage.py load_run` (liaison/web/scale/load.py), which writes the accounts file LOAD_ACCOUNTS
and gives those accounts the password LOAD_PASSWORD. A page is a failure when it answers an error status
or sends the user back to the sign-in page.
"""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path
from typing import Any, ClassVar

from locust import HttpUser, between, task

PLAN: dict[str, Any] = json.loads(Path(os.environ["LOAD_ACCOUNTS"]).read_text(encoding="utf-8"))
PASSWORD = os.environ["LOAD_PASSWORD"]
LOGIN = "/accounts/login/"
WAIT = [float(s) for s in os.environ.get("LOAD_WAIT", "30,90").split(",")]  # seconds between pages
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class _Role(HttpUser):
    abstract = True
    role: ClassVar[str] = ""
    wait_time = between(*WAIT)  # a person reading a page, filling a form

    def on_start(self) -> None:
        account = random.choice(PLAN[self.role])  # noqa: S311 - not security
        self.pages: list[str] = account["pages"]
        page = self.client.get(LOGIN, name="sign-in page")
        token = TOKEN.search(page.text)
        with self.client.post(
            LOGIN,
            {
                "username": account["username"],
                "password": PASSWORD,
                "csrfmiddlewaretoken": token and token[1],
            },
            headers={"Referer": f"{self.host}{LOGIN}"},
            name="sign in",
            catch_response=True,
        ) as response:
            if response.url and LOGIN in response.url:
                response.failure(f"{account['username']} was not signed in")

    @task
    def browse(self) -> None:
        path = random.choice(self.pages)  # noqa: S311 - not security
        name = f"{self.role} /tracking/projects/<id>/" if path.startswith("/tracking/projects/") else None
        with self.client.get(path, name=name or f"{self.role} {path}", catch_response=True) as response:
            if response.url and LOGIN in response.url:
                response.failure("sent back to the sign-in page")


# The mix of the simulated users: half officers, then centre staff and enterprises, then guides.
class Officer(_Role):
    role, weight = "officer", 5


class Centre(_Role):
    role, weight = "centre", 2


class Enterprise(_Role):
    role, weight = "enterprise", 2


class Guide(_Role):
    role, weight = "guide", 1
