"""The handbook's texts: the department writes them per programme, analysts read them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render

from reports.access import (
    handbook_programmes_for_user,
    may_edit_handbook_texts,
    may_order_reports,
)
from reports.forms import HandbookTextsForm
from reports.handbook_texts import save_handbook_texts, stored_texts
from reports.markdown import render_markdown
from reports.models import HandbookTopic


@login_required
def handbook_texts(request):
    if not may_order_reports(request.user):
        raise PermissionDenied
    programmes = (handbook_programmes_for_user(request.user).select_related("municipality")
                  .annotate(written=Count("handbook_texts",
                                          filter=~Q(handbook_texts__text="")))
                  .order_by("municipality__name", "-starts_on", "pk"))
    return render(request, "reports/handbook_texts.html", {
        "programmes": programmes,
        "topic_count": len(HandbookTopic.values),
        "may_edit": may_edit_handbook_texts(request.user),
    })


@login_required
def handbook_text_edit(request, pk):
    programme = get_object_or_404(handbook_programmes_for_user(request.user)
                                  .select_related("municipality"), pk=pk)
    may_edit = may_edit_handbook_texts(request.user)
    if request.method == "POST" and not may_edit:
        raise PermissionDenied
    texts = stored_texts(programme)
    form = HandbookTextsForm(request.POST or None, initial_texts=texts) if may_edit else None
    if form is not None and request.method == "POST":
        if form.is_valid():
            changed = save_handbook_texts(programme=programme, texts=form.texts(),
                                          user=request.user)
            if changed:
                messages.success(request, f"Сохранено разделов: {len(changed)}. Они войдут "
                                          "в методическое пособие при следующем заказе.")
            else:
                messages.info(request, "Тексты не изменились.")
            return redirect("handbook_text_edit", pk=programme.pk)
        messages.error(request, "Тексты не сохранены: исправьте отмеченные разделы.")
    sections = [(label, render_markdown(texts.get(topic, "")))
                for topic, label in HandbookTopic.choices]
    return render(request, "reports/handbook_text_edit.html", {
        "programme": programme, "form": form, "sections": sections, "may_edit": may_edit,
    })
