"""`{% item_actions %}`: one form per allowed step with the step's texts in the reader's language, every
value escaped (the page's `next` included), the approval's result fields, and the texts kept per
language follow a change of language."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.template import Context
from django.urls import reverse
from django.utils import translation

from liaison.tracking.models import ProjectItem
from liaison.tracking.templatetags.item_actions import item_actions
from liaison.tracking.tests.builders import draft
from liaison.tracking.tests.conftest import START
from liaison.tracking.workflows import PROJECT_ITEM_WORKFLOW

pytestmark = pytest.mark.django_db


def _steps(*names: str) -> list:
    by_name = {t.name: t for t in PROJECT_ITEM_WORKFLOW.transitions}
    return [by_name[n] for n in names]


def test_the_forms_carry_the_steps_in_the_readers_language_and_escape_what_they_show(track) -> None:
    draft(track.world, track.project, START)
    item = (
        ProjectItem.objects.select_related("approval_item__department").filter(project=track.project).first()
    )
    steps = _steps("approve", "request_supplement")
    row = SimpleNamespace(item=item, actions=steps)
    context = Context({"csrf_token": "tok", "next": '/tracking/todo/?q="><script>x</script>'})
    with translation.override("zh-hans"):
        zh = str(item_actions(context, row))
    with translation.override("en"):
        en = str(item_actions(context, row))
    with translation.override("zh-hans"):
        again = str(item_actions(context, row))
    assert again == zh != en
    for html, language in ((zh, "zh-hans"), (en, "en")):
        with translation.override(language):
            for step in steps:
                assert str(step.label) in html
        assert "<script>" not in html and "&quot;&gt;&lt;script&gt;" in html
        assert html.count('name="csrfmiddlewaretoken" value="tok"') == 2
        assert f'data-testid="do-approve-{item.pk}"' in html and 'data-testid="do-request_supplement"' in html
        assert f'data-testid="result-fields-{item.pk}"' in html and 'enctype="multipart/form-data"' in html
        assert html.count(f'action="{reverse("tracking:item_transition", args=[item.pk])}"') == 2
    assert "确认" in zh and "要求补正" in zh and "要求补正" not in en
    assert str(item_actions(context, SimpleNamespace(item=item, actions=[]))) == ""
