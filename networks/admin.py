from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from networks.models import (
    Agreement,
    AgreementParty,
    EventParticipation,
    Membership,
    MembershipDocument,
    Network,
    NetworkEvent,
    Partner,
)


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ("short_name", "kind", "locality")
    list_filter = ("kind",)
    search_fields = ("name", "short_name")


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("municipality", "organization", "partner")


@admin.register(Network)
class NetworkAdmin(SimpleHistoryAdmin):
    list_display = ("title", "hub_municipality", "starts_on", "ends_on")
    search_fields = ("title",)
    filter_horizontal = ("coordinators",)
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "role", "status", "joined_on", "ended_on")
    list_filter = ("role", "status", "network")


@admin.register(MembershipDocument)
class MembershipDocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "membership", "original_name", "uploaded_at")


class PartyInline(admin.TabularInline):
    model = AgreementParty
    extra = 0
    fields = ("municipality", "organization", "partner", "signed_on", "signed_by")


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "network", "number", "concluded_on", "valid_to")
    list_filter = ("kind", "network")
    search_fields = ("title", "number")
    inlines = [PartyInline]


class ParticipationInline(admin.TabularInline):
    model = EventParticipation
    extra = 0


@admin.register(NetworkEvent)
class NetworkEventAdmin(SimpleHistoryAdmin):
    list_display = ("topic", "network", "form", "starts_on", "status")
    list_filter = ("network", "form", "status")
    inlines = [ParticipationInline]
