"""Pages of the registers: lists with search and filters, a record's page with its history,
the staff's forms, the review of a bank entry, the file of a record, and a programme's
normative base."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models.fields.files import FieldFile
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from core.downloads import file_download
from core.forms import apply_posted_form
from internships.models import Direction, Period, Programme
from networks.reads import networks_of_municipality
from people.access import competence_areas_for_user
from people.models import CompetenceArea
from registers import bank, normative, products
from registers.access import (
    bank_entries_for_user,
    documents_for_user,
    may_keep_any,
    products_for_user,
    programmes_citing_for_user,
)
from registers.forms import (
    BankEntryForm,
    BankFilter,
    CitationsForm,
    DocumentFilter,
    DocumentForm,
    ProductFilter,
    ProductForm,
    ReviewForm,
)
from registers.models import Citation, ProductKind
from registers.search import BANK_FIELDS, DOCUMENT_FIELDS, PRODUCT_FIELDS, search
from teams.access import acting_municipality
from teams.models import Organization

KEEP = "registers.keep_record"
BANK, PRODUCTS, DOCUMENTS = ("Банк программ и методических разработок",
                             "Реестр продуктов и публикаций", "Реестр нормативных документов")
HISTORY_ROWS = 20


def _keeping_municipality(request):
    if not may_keep_any(request.user):
        raise PermissionDenied
    municipality = acting_municipality(request)
    if municipality is None:
        raise Http404
    return municipality


def _kept(request, queryset, pk):
    record = get_object_or_404(queryset, pk=pk)
    if not request.user.has_perm(KEEP, record):
        raise PermissionDenied
    return record


def _scope(municipality) -> dict:
    return {
        "organization": Organization.objects.filter(municipality=municipality),
        "direction": Direction.objects.filter(programme__municipality=municipality)
        .select_related("programme").order_by("programme__starts_on", "number"),
        "competence_area": CompetenceArea.objects.filter(municipality=municipality),
        "period": Period.objects.filter(programme__municipality=municipality)
        .select_related("programme").order_by("-starts_on"),
        "network": networks_of_municipality(municipality.pk),
    }


def _form_page(request, form, *, title, back_url, back_label):
    return render(request, "form_page.html", {
        "form": form, "title": title, "back_url": back_url, "back_label": back_label})


def _history(record) -> list:
    return list(record.history.select_related("history_user")
                .order_by("-history_date")[:HISTORY_ROWS])


def _file(request, record):
    """The record's file, or with ``?version=`` the file an earlier version of it held."""
    version = request.GET.get("version", "")
    stored, filename = record.file, record.filename
    if version:
        # History keeps the stored name as text: open it with the record's own storage.
        earlier = record.history.filter(history_id=version).first() if version.isdigit() \
            else None
        if earlier is None:
            raise Http404
        stored = FieldFile(record, record._meta.get_field("file"), earlier.file or None)
        filename = earlier.filename
    if not stored:
        raise Http404
    return file_download(stored, filename=filename or stored.name.rsplit("/", 1)[-1])


def _save_view(request, *, form_class, save, record=None, municipality, title, back_url,
               back_label, done_message, detail_name, initial=None):
    # The form checks a copy: the write compares what is posted with the record as stored.
    form = form_class(request.POST or None, request.FILES or None,
                      instance=copy.copy(record) if record else None,
                      scope=_scope(municipality), initial=initial)
    done, saved = apply_posted_form(request, form, lambda data: save(
        municipality=municipality, data=form.details(), user=request.user,
        upload=data.get("file")))
    if done:
        messages.success(request, done_message)
        return redirect(detail_name, pk=saved.pk)
    return _form_page(request, form, title=title, back_url=back_url, back_label=back_label)


# --- Bank of programmes and methodological developments ----------------------------------

@login_required
def bank_list(request):
    entries = bank_entries_for_user(request.user)
    found = BankFilter(
        request.GET or None, queryset=entries.select_related(
            "organization", "direction", "competence_area").prefetch_related("reviews"),
        search=lambda queryset, text: search(queryset, text, fields=BANK_FIELDS),
        directions=Direction.objects.filter(programme__in=programmes_citing_for_user(
            request.user)).order_by("programme__starts_on", "number"),
        areas=competence_areas_for_user(request.user).order_by("number"))
    return render(request, "registers/bank_list.html", {
        "filter": found, "entries": list(found.qs), "filtered": found.is_bound,
        "can_keep": may_keep_any(request.user)})


@login_required
def bank_create(request):
    municipality = _keeping_municipality(request)
    return _save_view(request, form_class=BankEntryForm, save=bank.save_bank_entry,
                      municipality=municipality, title="Новая программа или разработка",
                      back_url=reverse("register_bank_list"), back_label=BANK,
                      done_message="Материал внесён в банк.", detail_name="register_bank_detail")


@login_required
def bank_detail(request, pk):
    entry = get_object_or_404(bank_entries_for_user(request.user).select_related(
        "organization", "direction", "competence_area", "network"), pk=pk)
    return render(request, "registers/bank_detail.html", {
        "entry": entry, "reviews": list(entry.reviews.all()), "history": _history(entry),
        "file_url": reverse("register_bank_file", args=[entry.pk]),
        "can_keep": request.user.has_perm(KEEP, entry)})


@login_required
def bank_edit(request, pk):
    entry = _kept(request, bank_entries_for_user(request.user), pk)
    return _save_view(
        request, form_class=BankEntryForm,
        save=lambda **kwargs: bank.save_bank_entry(entry=entry, **kwargs), record=entry,
        municipality=entry.municipality, title=f"Изменить: {entry.title}",
        back_url=reverse("register_bank_detail", args=[entry.pk]), back_label=entry.title,
        done_message="Изменения сохранены.", detail_name="register_bank_detail")


@login_required
def bank_review(request, pk):
    entry = _kept(request, bank_entries_for_user(request.user), pk)
    form = ReviewForm(request.POST or None)
    done, _ = apply_posted_form(request, form, lambda data: bank.record_review(
        entry=entry, user=request.user, **data))
    if done:
        messages.success(request, "Рецензия записана.")
        return redirect("register_bank_detail", pk=entry.pk)
    return _form_page(request, form, title="Рецензия на материал",
                      back_url=reverse("register_bank_detail", args=[entry.pk]),
                      back_label=entry.title)


@login_required
def bank_file(request, pk):
    return _file(request, get_object_or_404(bank_entries_for_user(request.user), pk=pk))


# --- Register of products and publications ------------------------------------------------

@login_required
def product_list(request):
    found = ProductFilter(
        request.GET or None,
        queryset=products_for_user(request.user).select_related("organization", "programme",
                                                                "period"),
        search=lambda queryset, text: search(queryset, text, fields=PRODUCT_FIELDS),
        programmes=programmes_citing_for_user(request.user).order_by("-starts_on"))
    return render(request, "registers/product_list.html", {
        "filter": found, "products": list(found.qs), "filtered": found.is_bound,
        "can_keep": may_keep_any(request.user)})


@login_required
def product_create(request):
    """The form of a new product; ``?kind=`` preselects its kind (the mutual learning
    monitoring links here for methodological recommendations)."""
    municipality = _keeping_municipality(request)
    kind = request.GET.get("kind", "")
    return _save_view(request, form_class=ProductForm, save=products.save_product,
                      initial={"kind": kind} if kind in ProductKind.values else None,
                      municipality=municipality, title="Новый продукт или публикация",
                      back_url=reverse("register_product_list"), back_label=PRODUCTS,
                      done_message="Продукт внесён в реестр.",
                      detail_name="register_product_detail")


@login_required
def product_detail(request, pk):
    product = get_object_or_404(products_for_user(request.user).select_related(
        "organization", "programme", "period"), pk=pk)
    return render(request, "registers/product_detail.html", {
        "product": product, "history": _history(product),
        "file_url": reverse("register_product_file", args=[product.pk]),
        "can_keep": request.user.has_perm(KEEP, product)})


@login_required
def product_edit(request, pk):
    product = _kept(request, products_for_user(request.user), pk)
    return _save_view(
        request, form_class=ProductForm,
        save=lambda **kwargs: products.save_product(product=product, **kwargs),
        record=product, municipality=product.municipality, title=f"Изменить: {product.title}",
        back_url=reverse("register_product_detail", args=[product.pk]),
        back_label=product.title, done_message="Изменения сохранены.",
        detail_name="register_product_detail")


@login_required
def product_file(request, pk):
    return _file(request, get_object_or_404(products_for_user(request.user), pk=pk))


# --- Register of normative documents ------------------------------------------------------

@login_required
def document_list(request):
    programmes = programmes_citing_for_user(request.user).order_by("-starts_on")
    found = DocumentFilter(
        request.GET or None, queryset=documents_for_user(request.user),
        search=lambda queryset, text: search(queryset, text, fields=DOCUMENT_FIELDS),
        programmes=programmes)
    return render(request, "registers/document_list.html", {
        "filter": found, "documents": list(found.qs.distinct()), "filtered": found.is_bound,
        "programmes": list(programmes), "can_keep": may_keep_any(request.user)})


@login_required
def document_create(request):
    municipality = _keeping_municipality(request)
    return _save_view(request, form_class=DocumentForm, save=normative.save_document,
                      municipality=municipality, title="Новый нормативный документ",
                      back_url=reverse("register_document_list"), back_label=DOCUMENTS,
                      done_message="Документ внесён в реестр.",
                      detail_name="register_document_detail")


@login_required
def document_detail(request, pk):
    document = get_object_or_404(documents_for_user(request.user), pk=pk)
    return render(request, "registers/document_detail.html", {
        "document": document, "history": _history(document),
        "file_url": reverse("register_document_file", args=[document.pk]),
        "programmes": list(Programme.objects.filter(citations__document=document)
                           .order_by("-starts_on")),
        "can_keep": request.user.has_perm(KEEP, document)})


@login_required
def document_edit(request, pk):
    document = _kept(request, documents_for_user(request.user), pk)
    return _save_view(
        request, form_class=DocumentForm,
        save=lambda **kwargs: normative.save_document(document=document, **kwargs),
        record=document, municipality=document.municipality,
        title="Изменить нормативный документ",
        back_url=reverse("register_document_detail", args=[document.pk]),
        back_label=document.title, done_message="Изменения сохранены.",
        detail_name="register_document_detail")


@login_required
def document_file(request, pk):
    return _file(request, get_object_or_404(documents_for_user(request.user), pk=pk))


@login_required
def programme_citations(request, pk):
    """The programme's normative base: which documents of the register it cites, in order."""
    programme = get_object_or_404(programmes_citing_for_user(request.user), pk=pk)
    if not request.user.has_perm(KEEP, programme):
        raise PermissionDenied
    cited = dict(Citation.objects.filter(programme=programme)
                 .values_list("document_id", "position"))
    form = CitationsForm(request.POST or None, cited=cited,
                         documents=documents_for_user(request.user).filter(
                             municipality_id=programme.municipality_id)
                         .order_by("level", "issued_on", "pk"))
    done, _ = apply_posted_form(request, form, lambda data: normative.set_citations(
        programme=programme, documents=form.ordered()))
    if done:
        messages.success(request, "Перечень нормативных документов проекта сохранён.")
        return redirect(f"{reverse('register_document_list')}?programme={programme.pk}")
    return _form_page(request, form, title=f"Нормативная база проекта «{programme.title}»",
                      back_url=reverse("register_document_list"), back_label=DOCUMENTS)
