"""Read endpoints of the objects the practice issues add: networks with their members,
agreements with the parties' signatures, network events, plans with their occurrences, and
the registers. Each reads through the access layer of the web pages (networks/access.py,
plans/access.py, registers/access.py): a network is seen only by its members, so a token of
a municipality outside it finds it neither in the list nor by its id (404)."""

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response

from api import practice_filters as filters
from api import practice_serializers as serializers
from networks.access import (
    agreements_for_user,
    events_for_user,
    joint_reports_for_user,
    networks_for_user,
    part_reader,
)
from networks.joint_report_reads import joint_report_rows, shown_parts
from networks.models import (
    AgreementParty,
    EventMaterial,
    EventParticipation,
    JointReportAnswer,
    JointReportFile,
    Membership,
)
from plans.access import plans_for_user
from plans.models import Plan
from plans.plan_reads import STATUSES, plan_sections, plan_summaries
from registers.access import bank_entries_for_user, documents_for_user, products_for_user
from registers.models import Review
from reports.access import report_jobs_for_user
from reports.models import JobStatus, ReportKind

_SIDE = ("municipality", "organization__municipality", "partner")


def _pair(*, tag: str, noun: str, summary: str, description: str):
    """The schema of a list and of its detail: the same words, and the id described."""
    identifier = OpenApiParameter("id", int, OpenApiParameter.PATH,
                                  description=f"{noun} (постоянный идентификатор).")

    def described(classes):
        listed, detailed = classes
        extend_schema_view(get=extend_schema(summary=summary, description=description,
                                             tags=[tag]))(listed)
        extend_schema_view(get=extend_schema(
            summary=f"{noun}: одна запись", parameters=[identifier], tags=[tag],
            description=f"{description} Недоступная вызывающему запись — 404."))(detailed)
        return classes

    return described


class _Networks:
    serializer_class = serializers.NetworkSerializer

    def get_queryset(self):
        return networks_for_user(self.request.user).prefetch_related(Prefetch(
            "memberships", queryset=Membership.objects.select_related(*_SIDE)
            .order_by("role", "status", "pk")))


class NetworkList(_Networks, generics.ListAPIView):
    filterset_class = filters.NetworkFilter


class NetworkDetail(_Networks, generics.RetrieveAPIView):
    pass


_pair(tag="Сети", noun="Сеть", summary="Сети",
      description="Сети муниципалитетов с ресурсным центром, участниками и партнёрами. Сеть "
                  "видна только своим: муниципалитету ресурсного центра, участникам, "
                  "координаторам и региональному токену.")((NetworkList, NetworkDetail))


class _Agreements:
    serializer_class = serializers.AgreementSerializer

    def get_queryset(self):
        return agreements_for_user(self.request.user).prefetch_related(Prefetch(
            "parties", queryset=AgreementParty.objects.select_related(*_SIDE).order_by("pk")))


class AgreementList(_Agreements, generics.ListAPIView):
    filterset_class = filters.AgreementFilter


class AgreementDetail(_Agreements, generics.RetrieveAPIView):
    pass


_pair(tag="Сети", noun="Соглашение", summary="Соглашения и согласия",
      description="Соглашения сетей и управления образования со сторонами и датами их "
                  "подписания, без имён подписавших; файл и сканы — ссылками на страницы "
                  "портала, которые отдают их тому же пользователю.")((AgreementList,
                                                                        AgreementDetail))


class _Events:
    serializer_class = serializers.NetworkEventSerializer

    def get_queryset(self):
        return events_for_user(self.request.user).select_related(*_SIDE).prefetch_related(
            Prefetch("participations",
                     queryset=EventParticipation.objects.order_by("municipality__name", "pk")),
            Prefetch("materials", queryset=EventMaterial.objects.order_by("uploaded_at", "pk")))


class NetworkEventList(_Events, generics.ListAPIView):
    filterset_class = filters.NetworkEventFilter


class NetworkEventDetail(_Events, generics.RetrieveAPIView):
    pass


_pair(tag="Сети", noun="Мероприятие сети", summary="Мероприятия сетей",
      description="Мероприятия сетей: дата, форма, тема, кто проводит, участники от "
                  "муниципалитетов и материалы. Без имён ответственных.")((NetworkEventList,
                                                                          NetworkEventDetail))


class _JointReports:
    serializer_class = serializers.JointReportSerializer

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": timezone.localdate()}

    def parts(self):
        return shown_parts().select_related(
            *(f"membership__{name}" for name in _SIDE)).order_by("membership__role", "pk")

    def get_queryset(self):
        user = self.request.user
        # The latest PDF the caller may download, as the report's PDF page lists them.
        pdf = (report_jobs_for_user(user)
               .filter(kind=ReportKind.JOINT_REPORT, joint_report=OuterRef("pk"),
                       status=JobStatus.DONE)
               .order_by("-finished_at", "-pk").values("pk")[:1])
        return (joint_report_rows(joint_reports_for_user(user))
                .annotate(pdf_job=Subquery(pdf))
                .prefetch_related("sections", Prefetch("parts", queryset=self.parts())))


class JointReportList(_JointReports, generics.ListAPIView):
    filterset_class = filters.JointReportFilter


class JointReportDetail(_JointReports, generics.RetrieveAPIView):
    serializer_class = serializers.JointReportDetailSerializer

    def parts(self):
        return super().parts().select_related("membership__network").prefetch_related(
            Prefetch("answers", queryset=JointReportAnswer.objects.order_by(
                "section__number", "pk")),
            Prefetch("files", queryset=JointReportFile.objects.order_by("uploaded_at", "pk")))

    def retrieve(self, request, *args, **kwargs):
        report = self.get_object()
        reads = part_reader(request.user)
        for part in report.parts.all():
            part.texts_shown = reads(part)
            part.shown_answers = list(part.answers.all()) if part.texts_shown else []
            part.shown_files = list(part.files.all()) if part.texts_shown else []
        return Response(self.get_serializer(report).data)


_pair(tag="Сети", noun="Совместный отчёт", summary="Совместные отчёты сетей",
      description="Полугодовые совместные отчёты сетей: разделы, срок сдачи, части "
                  "участников с их состоянием и датами сдачи и возврата, ссылка на собранный "
                  "PDF. Отчёт виден тем, кто видит его сеть; тексты и файлы частей — в записи "
                  "отчёта и только тем, кому их показывает страница части.")((
                      JointReportList, JointReportDetail))


def _with_counts(plan: Plan, *, items: int, counts) -> Plan:
    plan.items_count = items
    plan.counts = {name: counts[name] for name in STATUSES}
    return plan


class PlanList(generics.ListAPIView):
    serializer_class = serializers.PlanSerializer
    filterset_class = filters.PlanFilter

    def get_queryset(self):
        return plans_for_user(self.request.user)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        summaries = {summary.plan.pk: summary for summary in plan_summaries(
            Plan.objects.filter(pk__in=[plan.pk for plan in page]), today=timezone.localdate())}
        for plan in page:
            summary = summaries[plan.pk]
            _with_counts(plan, items=summary.items, counts=summary.counts)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class PlanDetail(generics.RetrieveAPIView):
    serializer_class = serializers.PlanDetailSerializer

    def get_queryset(self):
        return plans_for_user(self.request.user)

    def retrieve(self, request, *args, **kwargs):
        plan = self.get_object()
        sections, counts = plan_sections(plan, today=timezone.localdate())
        plan.item_rows = [row for _, rows in sections for row in rows]
        _with_counts(plan, items=len(plan.item_rows), counts=counts)
        return Response(self.get_serializer(plan).data)


_pair(tag="Планы", noun="План", summary="Планы мероприятий",
      description="Планы проектов и сетей: план-график, план сетевого сопровождения, дорожная "
                  "карта, план работы — с числом сроков проведено, предстоит и просрочено на "
                  "сегодня. Запись плана — с пунктами и их сроками, развёрнутыми по "
                  "периодичности, как на странице плана. Без имён ответственных.")((PlanList,
                                                                                   PlanDetail))


class _Bank:
    serializer_class = serializers.BankEntrySerializer

    def get_queryset(self):
        return bank_entries_for_user(self.request.user).prefetch_related(Prefetch(
            "reviews", queryset=Review.objects.order_by("-reviewed_on", "-pk")))


class BankEntryList(_Bank, generics.ListAPIView):
    filterset_class = filters.BankEntryFilter


class BankEntryDetail(_Bank, generics.RetrieveAPIView):
    pass


_pair(tag="Реестры", noun="Материал банка", summary="Банк программ и методических разработок",
      description="Программы и методические разработки муниципального образования с "
                  "авторами и рецензиями, как их показывает страница банка.")((BankEntryList,
                                                                             BankEntryDetail))


class _Products:
    serializer_class = serializers.ProductSerializer

    def get_queryset(self):
        return products_for_user(self.request.user)


class ProductList(_Products, generics.ListAPIView):
    filterset_class = filters.ProductFilter


class ProductDetail(_Products, generics.RetrieveAPIView):
    pass


_pair(tag="Реестры", noun="Продукт", summary="Реестр продуктов и публикаций",
      description="Продукты и публикации муниципального образования: пособия, рекомендации, "
                  "сборники, статьи.")((ProductList, ProductDetail))


class _Documents:
    serializer_class = serializers.NormativeDocumentSerializer

    def get_queryset(self):
        return documents_for_user(self.request.user)


class NormativeDocumentList(_Documents, generics.ListAPIView):
    filterset_class = filters.NormativeDocumentFilter


class NormativeDocumentDetail(_Documents, generics.RetrieveAPIView):
    pass


_pair(tag="Реестры", noun="Нормативный документ", summary="Реестр нормативных документов",
      description="Законы, постановления, приказы и локальные акты, на которые ссылаются "
                  "проекты.")((NormativeDocumentList, NormativeDocumentDetail))
