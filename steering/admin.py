from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.utils.translation import gettext_lazy as _

from accounts.scoping import ScopedModelAdmin
from networks.access import networks_for
from projects.access import municipalities_for, projects_for

from .access import goals_for, network_assessments_for, self_checks_for
from .models import (
    Criterion,
    CriterionRating,
    Goal,
    IndicatorRating,
    Measurement,
    NetworkAssessment,
    ProjectSelfCheck,
    QualityIndicator,
)

LEVEL_FIELDSET = (_("Stufen"), {"fields": ["level_1", "level_2", "level_3", "level_4"]})


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name", "description"]
    fieldsets = [(None, {"fields": ["name", "slug", "description", "position"]}), LEVEL_FIELDSET]


@admin.register(QualityIndicator)
class QualityIndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name", "description"]
    fieldsets = [(None, {"fields": ["name", "description", "position"]}), LEVEL_FIELDSET]


class _CompleteRatingsMixin:
    """A new self-assessment offers one row per criterion, so nothing has to be picked by hand."""

    criterion_model = None
    criterion_field = ""

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if request.method == "GET" and (obj is None or obj.pk is None) and inline.model is self.rating_model:
            kwargs["initial"] = [{self.criterion_field: item.pk} for item in self.criterion_model.objects.all()]
        return kwargs


class CriterionRatingInline(admin.TabularInline):
    model = CriterionRating
    fields = ["criterion", "level", "justification"]

    def get_extra(self, request, obj=None, **kwargs):
        return Criterion.objects.count() if obj is None else 0


class IndicatorRatingInline(admin.TabularInline):
    model = IndicatorRating
    fields = ["indicator", "level", "justification"]

    def get_extra(self, request, obj=None, **kwargs):
        return QualityIndicator.objects.count() if obj is None else 0


@admin.register(ProjectSelfCheck)
class ProjectSelfCheckAdmin(_CompleteRatingsMixin, ScopedModelAdmin):
    scope = staticmethod(self_checks_for)
    choice_scopes = {"project": projects_for}
    criterion_model, rating_model, criterion_field = Criterion, CriterionRating, "criterion"
    inlines = [CriterionRatingInline]
    list_display = ["project", "municipality", "updated_at", "updated_by"]
    list_filter = [("project__municipality", RelatedOnlyFieldListFilter)]
    list_select_related = ["project__municipality", "updated_by"]
    search_fields = ["project__title"]
    fields = ["project", "note"]

    @admin.display(description=_("Kommune"), ordering="project__municipality__name")
    def municipality(self, obj):
        return obj.project.municipality

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(NetworkAssessment)
class NetworkAssessmentAdmin(_CompleteRatingsMixin, ScopedModelAdmin):
    scope = staticmethod(network_assessments_for)
    choice_scopes = {"network": networks_for}
    criterion_model, rating_model, criterion_field = QualityIndicator, IndicatorRating, "indicator"
    inlines = [IndicatorRatingInline]
    list_display = ["network", "year", "average", "updated_by"]
    list_filter = ["year"]
    list_select_related = ["network", "updated_by"]
    search_fields = ["network__name"]
    fields = ["network", "year", "note"]

    @admin.display(description=_("Durchschnitt"))
    def average(self, obj):
        return obj.average

    def get_changeform_initial_data(self, request):
        from django.utils import timezone

        return {"year": timezone.localdate().year, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 1
    fields = ["measured_on", "value", "note"]


@admin.register(Goal)
class GoalAdmin(ScopedModelAdmin):
    scope = staticmethod(goals_for)
    choice_scopes = {"municipality": municipalities_for}
    inlines = [MeasurementInline]
    list_display = ["title", "municipality", "dimension", "target_value", "deadline", "attainment_display"]
    list_filter = ["dimension", ("municipality", RelatedOnlyFieldListFilter)]
    list_select_related = ["municipality"]
    search_fields = ["title", "indicator", "municipality__name"]
    fieldsets = [
        (None, {"fields": ["municipality", "dimension", "title", "kind", "deadline", "responsible"]}),
        (
            _("Quantitatives Ziel: Indikator und Werte"),
            {
                "fields": ["indicator", "unit", "baseline", "baseline_date", "target_value"],
                "description": _(
                    "Spezifisch, messbar, attraktiv, realistisch, terminiert: Woran messen Sie das Ziel und "
                    "von welchem Ausgangswert aus? Die Messungen tragen Sie unten ein."
                ),
            },
        ),
        (
            _("Qualitatives Ziel: Stand und Belege"),
            {
                "fields": ["progress", "evidence"],
                "description": _(
                    "Für Ziele, die sich nicht in Zahlen fassen lassen (z. B. „Familien fühlen sich in der Stadt "
                    "willkommen“): Wie weit ist das Ziel erreicht, und woran sehen Sie das?"
                ),
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("measurements")

    @admin.display(description=_("Zielerreichung"))
    def attainment_display(self, obj):
        if obj.is_qualitative:
            return obj.get_progress_display()
        return "–" if obj.attainment is None else f"{obj.attainment} %"

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        municipalities = list(municipalities_for(request.user)[:2])
        if len(municipalities) == 1:
            initial.setdefault("municipality", municipalities[0].pk)
        return initial
