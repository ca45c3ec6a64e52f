"""The closure pages: a project's service (service.py), its custody register (custody.py), the centre's
periods (settings.py)."""
