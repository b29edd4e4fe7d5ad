"""Form plumbing every app shares: a crispy form with one submit button, and applying a
posted form through a business rule that may refuse it."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError


class SearchableCheckboxes(forms.CheckboxSelectMultiple):
    """A checkbox list the page gives a search box when it is long (static/js/checklist-search.js)
    — for lists of teams, organizations or people that a Ctrl-click select would make painful."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({**(attrs or {}), "data-searchable": ""}, choices)


CHECKLIST_TEMPLATE = "core/checklist_field.html"


class CrispyForm(forms.Form):
    """A form rendered by crispy with a single submit button labelled ``submit_label``.

    Searchable checkbox lists render with their help and errors above the list
    (``CHECKLIST_TEMPLATE``), so a long list does not push them out of sight.
    """

    submit_label = "Сохранить"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", self.submit_label))
        if any(isinstance(field.widget, SearchableCheckboxes) for field in self.fields.values()):
            self.helper.layout = Layout(*(
                Field(name, template=CHECKLIST_TEMPLATE)
                if isinstance(field.widget, SearchableCheckboxes) else name
                for name, field in self.fields.items()
            ))
            self.helper.render_unmentioned_fields = True


def apply_posted_form(request, form: forms.Form, apply) -> tuple[bool, object]:
    """On a valid POST, ``(True, apply(cleaned_data))``; otherwise ``(False, None)``.

    A refusal of the business rule (ValidationError) is shown on the form and counts
    as not applied, so the page is shown again with what the user typed.
    """
    if request.method != "POST" or not form.is_valid():
        return False, None
    try:
        return True, apply(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return False, None


def add_service_errors(form: forms.Form, error) -> None:
    """Show a business rule's refusal on the form fields it names."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)

