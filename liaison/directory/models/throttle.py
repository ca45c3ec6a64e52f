from django.db import models


class ThrottleEvent(models.Model):
    """One counted attempt (a failed login, a registration) by key (a username, an address) in a scope.

    Kept in the database so that every web process sees the same counts.
    """

    scope = models.CharField(max_length=20)
    key = models.CharField(max_length=200)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "at"])]

    def __str__(self) -> str:
        return f"{self.scope}:{self.key}@{self.at:%Y-%m-%d %H:%M}"
