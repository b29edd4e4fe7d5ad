"""Applications in the template's sections, of a school project or of a programme: every
save is a new version, earlier ones stay as they were."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from innovation.catalogue import standard_template
from innovation.models import (
    Application,
    ApplicationTemplate,
    ApplicationVersion,
    InnovationProject,
    SectionAnswer,
)
from internships.models import Programme


def template_for(*, project: InnovationProject | None = None,
                 programme: Programme | None = None) -> ApplicationTemplate:
    """The template the owner's application follows: its own once opened, otherwise the
    municipality's standard one."""
    application = application_of(project=project, programme=programme)
    if application is not None:
        return application.template
    owner_programme = project.programme if project is not None else programme
    return standard_template(municipality=owner_programme.municipality)


def application_of(*, project: InnovationProject | None = None,
                   programme: Programme | None = None) -> Application | None:
    if project is not None:
        return Application.objects.filter(project=project).first()
    return Application.objects.filter(programme=programme).first()


def _default_title(*, project: InnovationProject | None, programme: Programme | None) -> str:
    if project is not None:
        return f"«{project.theme}», {project.organization.short_name or project.organization}"
    return f"«{programme.title}»"


@transaction.atomic
def save_version(*, texts: dict[int, str], saved_by: User | None, note: str = "",
                 project: InnovationProject | None = None,
                 programme: Programme | None = None, title: str = "") -> ApplicationVersion:
    """Save the sections' texts (section id → text) as the application's next version;
    the application is opened with the municipality's standard template on first save."""
    if (project is None) == (programme is None):
        raise ValidationError("Заявка принадлежит либо проекту школы, либо проекту управления "
                              "образования.")
    application = application_of(project=project, programme=programme)
    if application is None:
        application = Application.objects.create(
            template=template_for(project=project, programme=programme), project=project,
            programme=programme,
            title=" ".join(title.split()) or _default_title(project=project,
                                                            programme=programme))
    elif title.strip():
        application.title = " ".join(title.split())
        application.save(update_fields=["title"])
    application = Application.objects.select_for_update().get(pk=application.pk)
    sections = list(application.template.sections.order_by("number"))
    unknown = set(texts) - {section.pk for section in sections}
    if unknown:
        raise ValidationError("Разделы не из шаблона этой заявки.")
    if not any(text.strip() for text in texts.values()):
        raise ValidationError("Заполните хотя бы один раздел заявки.")
    last = application.versions.aggregate(last=Max("number"))["last"] or 0
    version = ApplicationVersion.objects.create(application=application, number=last + 1,
                                                note=" ".join(note.split())[:300],
                                                created_by=saved_by)
    SectionAnswer.objects.bulk_create(
        SectionAnswer(version=version, section=section, text=texts.get(section.pk, "").strip())
        for section in sections)
    return version
