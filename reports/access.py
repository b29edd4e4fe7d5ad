"""Scoped reads of the reports app: who sees which report jobs."""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from innovation.access import versions_for_user
from internships.models import Programme
from networks.access import joint_reports_for_user
from reports.models import APPLICATION_KINDS, ReportJob, ReportKind
from teams.access import has_role, municipalities_for_user
from teams.models import Role

# Department staff change everything; analysts read everything and order reports.
REPORT_ROLES = (Role.STAFF, Role.ANALYST)


def may_order_reports(user: User | AnonymousUser) -> bool:
    return has_role(user, *REPORT_ROLES)


def report_jobs_for_user(user: User | AnonymousUser) -> QuerySet[ReportJob]:
    """The jobs of the user's municipality for its staff and analysts; the exports of an
    application for whoever may read that application (its school, curators, tutors); a
    joint report's PDF for whoever sees that report (the network's members)."""
    if not user.is_authenticated:
        return ReportJob.objects.none()
    exports = Q(kind__in=APPLICATION_KINDS,
                application_version__in=versions_for_user(user)) | Q(
        kind=ReportKind.JOINT_REPORT, joint_report__in=joint_reports_for_user(user))
    if not may_order_reports(user):
        return ReportJob.objects.filter(exports)
    return ReportJob.objects.filter(
        Q(municipality__in=municipalities_for_user(user)) | exports)


def application_exports_for_user(user: User | AnonymousUser,
                                 version_id: int) -> QuerySet[ReportJob]:
    return report_jobs_for_user(user).filter(kind__in=APPLICATION_KINDS,
                                             application_version_id=version_id)


def may_edit_handbook_texts(user: User | AnonymousUser) -> bool:
    """The department writes the handbook's texts; analysts read them."""
    return has_role(user, Role.STAFF)


def handbook_programmes_for_user(user: User | AnonymousUser) -> QuerySet[Programme]:
    """The programmes whose handbook texts the user may read: their municipality's, for
    its staff and analysts only."""
    if not may_order_reports(user):
        return Programme.objects.none()
    return Programme.objects.filter(municipality__in=municipalities_for_user(user))


def joint_report_exports_for_user(user: User | AnonymousUser,
                                  report_id: int) -> QuerySet[ReportJob]:
    return report_jobs_for_user(user).filter(kind=ReportKind.JOINT_REPORT,
                                             joint_report_id=report_id)
