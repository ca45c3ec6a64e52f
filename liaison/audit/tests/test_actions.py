"""Action codes, sources, roles and object types in words."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from liaison.audit.actions import (
    ACTION_LABELS,
    ENTITY_LABELS,
    action_label,
    object_type_label,
    register_action_labels,
    register_entity_labels,
    role_label,
    source_label,
)


def test_known_codes_read_as_chinese_phrases():
    assert action_label("guide_change.register") == "登记指导员变更"
    assert action_label("user.create") == "创建账号"


def test_unknown_codes_are_built_from_entity_and_verb_or_shown_raw():
    register_entity_labels({"spaceship": _("飞船")})
    try:
        assert action_label("spaceship.update") == "修改飞船"
        assert action_label("spaceship.launch") == "spaceship.launch"  # unknown verb
    finally:
        ENTITY_LABELS.pop("spaceship")
    assert action_label("rocket.update") == "rocket.update"  # unknown entity
    assert action_label("") == ""


def test_apps_register_their_own_labels():
    register_action_labels({"spaceship.launch": _("发射飞船")})
    try:
        assert action_label("spaceship.launch") == "发射飞船"
    finally:
        ACTION_LABELS.pop("spaceship.launch")


def test_sources_roles_and_object_types_in_words():
    assert source_label("web") == "网页"
    assert source_label("api") == "接口"
    assert source_label("system") == "系统"
    assert role_label("supervisor") == "区纪委监委"
    assert role_label("") == "—"
    assert object_type_label("directory.department") == "职能部门"
    assert object_type_label("nothing.here") == "nothing.here"
    assert object_type_label("free text") == "free text"
