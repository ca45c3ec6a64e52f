"""The editor role: the group 宣传编辑 with publicity.publish_article, held by every existing centre admin
(new ones join it when the role is granted: liaison.publicity.editors)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_editor_group(apps, schema_editor):
    config = apps.get_app_config("publicity")
    config.models_module = True  # the stub has none; create_permissions skips apps without models
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    RoleMembership = apps.get_model("directory", "RoleMembership")
    group, _ = Group.objects.get_or_create(name="宣传编辑")
    permission = Permission.objects.get(content_type__app_label="publicity", codename="publish_article")
    group.permissions.add(permission)
    for membership in RoleMembership.objects.filter(role="center_admin").select_related("user"):
        membership.user.groups.add(group)


def remove_editor_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="宣传编辑").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("publicity", "0001_initial"),
        ("directory", "0002_throttle_event"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editor_group, remove_editor_group)]
