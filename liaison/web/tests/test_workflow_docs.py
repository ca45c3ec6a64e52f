from django.core.management import call_command

from liaison.web.management.commands.workflow_docs import DOC_PATH, render


def test_the_committed_state_machine_diagrams_match_the_declarations():
    assert DOC_PATH.read_text(encoding="utf-8") == render(), "run `manage.py workflow_docs` and commit"


def test_every_declared_workflow_is_rendered_with_its_transitions():
    text = render()
    assert "## entrustment" in text
    assert "submitted --> accepted: accept (center_admin)" in text
    call_command("workflow_docs", "--check")
