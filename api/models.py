"""Service accounts of regional systems: an API token with its scope.

Only the SHA-256 of the secret is kept; the secret itself is shown once, when the token is
issued (api/tokens.py). The visible prefix lets people tell tokens apart in lists and logs.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from teams.models import Municipality


class TokenScope(models.TextChoices):
    READ = "read", "Только чтение"
    READ_WRITE = "read_write", "Чтение и запись"


class ApiToken(models.Model):
    name = models.CharField(
        "название", max_length=200,
        help_text="Какая система подключается, например «Региональный мониторинг».",
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, null=True, blank=True, related_name="api_tokens",
        verbose_name="муниципальное образование",
        help_text="Пусто — токен всего региона (выпускает только администратор).",
    )
    scope = models.CharField("права", max_length=20, choices=TokenScope.choices,
                             default=TokenScope.READ)
    prefix = models.CharField("начало токена", max_length=16, unique=True)
    secret_hash = models.CharField("SHA-256 токена", max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+", verbose_name="выпустил")
    created_at = models.DateTimeField("выпущен", auto_now_add=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="отозвал")
    revoked_at = models.DateTimeField("отозван", null=True, blank=True)
    last_used_at = models.DateTimeField("последнее обращение", null=True, blank=True)

    class Meta:
        verbose_name = "токен API"
        verbose_name_plural = "токены API"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name=""), name="api_token_name_not_blank",
                violation_error_message="Укажите название токена.",
            ),
            models.CheckConstraint(
                condition=Q(scope__in=TokenScope.values), name="api_token_scope_known",
                violation_error_message="Права токена: только чтение или чтение и запись.",
            ),
            models.CheckConstraint(
                condition=Q(secret_hash__regex=r"^[0-9a-f]{64}$"),
                name="api_token_hash_is_sha256",
                violation_error_message="Токен хранится только в виде SHA-256.",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | Q(revoked_at__gte=models.F("created_at")),
                name="api_token_revoked_after_created",
                violation_error_message="Токен не может быть отозван раньше, чем выпущен.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def may_write(self) -> bool:
        return self.scope == TokenScope.READ_WRITE
