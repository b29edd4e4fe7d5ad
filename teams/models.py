from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When


class Municipality(models.Model):
    name = models.CharField("название", max_length=200, unique=True)

    class Meta:
        verbose_name = "муниципальное образование"
        verbose_name_plural = "муниципальные образования"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganizationKind(models.TextChoices):
    SCHOOL = "school", "Общеобразовательная организация"
    PRESCHOOL = "preschool", "Дошкольная организация"
    ADDITIONAL = "additional", "Организация дополнительного образования"


class SchoolLevel(models.TextChoices):
    PRIMARY = "ns", "НШ"
    BASIC = "oosh", "ООШ"
    SECONDARY = "sosh", "СОШ"
    GYMNASIUM = "gymnasium", "гимназия"
    LYCEUM = "lyceum", "лицей"


class Locality(models.TextChoices):
    URBAN = "urban", "городская"
    RURAL = "rural", "сельская"


class Organization(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="organizations",
        verbose_name="муниципальное образование",
    )
    name = models.CharField("полное наименование", max_length=500)
    short_name = models.CharField("краткое наименование", max_length=200)
    kind = models.CharField("тип", max_length=20, choices=OrganizationKind.choices,
                            default=OrganizationKind.SCHOOL)
    level = models.CharField("уровень школы", max_length=20, choices=SchoolLevel.choices,
                             blank=True)
    number = models.PositiveIntegerField("номер", null=True, blank=True,
                                         help_text="Номер организации, например 11 для «СОШ № 11».")
    locality = models.CharField("местность", max_length=10, choices=Locality.choices, blank=True,
                                help_text="Пусто, если не указано.")
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="branches",
        verbose_name="головная организация (для филиала)",
    )
    # Lists and the matrix show full secondary schools (with gymnasiums and
    # lyceums) first, then basic, then primary schools, then the rest.
    sort_rank = models.GeneratedField(
        expression=Case(
            When(level__in=["sosh", "gymnasium", "lyceum"], then=Value(1)),
            When(level="oosh", then=Value(2)),
            When(level="ns", then=Value(3)),
            default=Value(9),
        ),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
        verbose_name="порядок в списках",
    )

    class Meta:
        verbose_name = "образовательная организация"
        verbose_name_plural = "образовательные организации"
        ordering = ["sort_rank", "number", "short_name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "short_name"],
                                    name="organization_unique_short_name"),
            models.CheckConstraint(
                condition=Q(kind=OrganizationKind.SCHOOL) | Q(level=""),
                name="organization_level_only_for_schools",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="organization_not_own_branch"
            ),
        ]
        indexes = [
            # The organization list and matrix filter by municipality, in list order.
            models.Index(fields=["municipality", "sort_rank", "number"],
                         name="org_muni_order_idx"),
        ]

    def __str__(self) -> str:
        return self.short_name


class ManagementTeam(models.Model):
    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="team", verbose_name="организация"
    )

    class Meta:
        verbose_name = "управленческая команда"
        verbose_name_plural = "управленческие команды"
        ordering = ["organization__sort_rank", "organization__number",
                    "organization__short_name"]

    def __str__(self) -> str:
        return f"Команда {self.organization.short_name}"


class TeamMember(models.Model):
    team = models.ForeignKey(ManagementTeam, on_delete=models.CASCADE, related_name="members",
                             verbose_name="команда")
    full_name = models.CharField("ФИО", max_length=200)
    position = models.CharField("должность", max_length=200)
    email = models.EmailField("электронная почта", blank=True)

    class Meta:
        verbose_name = "член управленческой команды"
        verbose_name_plural = "члены управленческой команды"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.full_name}, {self.position}"


class Role(models.TextChoices):
    STAFF = "staff", "Специалист управления образования"
    CURATOR = "curator", "Куратор"
    SCHOOL = "school", "Управленческая команда ОО"
    ANALYST = "analyst", "Аналитик"


class UserProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="profile", verbose_name="пользователь")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT,
                                     related_name="profiles",
                                     verbose_name="муниципальное образование")
    role = models.CharField("роль", max_length=20, choices=Role.choices)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, null=True, blank=True, related_name="profiles",
        verbose_name="организация", help_text="Только для роли «Управленческая команда ОО».",
    )

    class Meta:
        verbose_name = "роль пользователя"
        verbose_name_plural = "роли пользователей"
        constraints = [
            models.CheckConstraint(
                condition=(Q(role=Role.SCHOOL) & Q(organization__isnull=False))
                | (~Q(role=Role.SCHOOL) & Q(organization__isnull=True)),
                name="profile_organization_iff_school_role",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user.get_username()}: {self.get_role_display()}"

    def clean(self) -> None:
        if self.role == Role.SCHOOL and self.organization_id is None:
            raise ValidationError(
                {"organization": "Для управленческой команды укажите организацию."}
            )
        if self.role != Role.SCHOOL and self.organization_id is not None:
            raise ValidationError(
                {"organization": "Организация указывается только для управленческой команды ОО."}
            )
        if self.organization_id is not None and (
            self.organization.municipality_id != self.municipality_id
        ):
            raise ValidationError(
                {"organization": "Организация относится к другому муниципальному образованию."}
            )
