from urllib.parse import urlsplit

from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, TemplateView

from .forms import BarrierReportForm
from .models import LegalPage, SignLanguageVideo
from .services import barrier_report_submit


class LegalPageView(DetailView):
    template_name = "pages/legal_page.html"
    context_object_name = "page"

    def get_object(self, queryset=None) -> LegalPage:
        return get_object_or_404(LegalPage, kind=self.kwargs["kind"])


class EasyLanguageView(TemplateView):
    template_name = "pages/easy_language.html"

    def get_context_data(self, **kwargs):
        weeks = (
            LegalPage.objects.filter(kind=LegalPage.Kind.ACCESSIBILITY).values_list("response_weeks", flat=True).first()
        )
        return super().get_context_data(response_weeks=weeks or 4, **kwargs)


class SignLanguageView(TemplateView):
    template_name = "pages/sign_language.html"

    def get_context_data(self, **kwargs):
        videos = {video.topic: video for video in SignLanguageVideo.objects.all()}
        topics = [(topic, videos.get(topic.value)) for topic in SignLanguageVideo.Topic]
        return super().get_context_data(topics=topics, has_videos=bool(videos), **kwargs)


def sign_language_video(request, topic: str) -> FileResponse:
    video = get_object_or_404(SignLanguageVideo, topic=topic)
    return FileResponse(video.file.open("rb"), content_type=video.content_type, filename=f"{video.topic}.mp4")


def _own_page(request, address: str) -> str:
    """The address if it is a page of this site (path and query only), else nothing."""
    parts = urlsplit(address)
    if parts.netloc and parts.netloc != request.get_host():
        return ""
    if not parts.path.startswith("/") or parts.path == reverse("pages:barrier_report"):
        return ""
    return request.build_absolute_uri(parts.path + (f"?{parts.query}" if parts.query else ""))


class BarrierReportView(FormView):
    """The electronic contact form for barriers; the page it came from (``?seite=`` or Referer) is prefilled."""

    template_name = "pages/barrier_report.html"
    form_class = BarrierReportForm

    def get_initial(self):
        address = self.request.GET.get("seite") or self.request.headers.get("Referer", "")
        return {"page_url": _own_page(self.request, address)[:500]}

    def get_context_data(self, **kwargs):
        statement = LegalPage.objects.filter(kind=LegalPage.Kind.ACCESSIBILITY).first()
        return super().get_context_data(statement=statement, **kwargs)

    def form_valid(self, form):
        report = barrier_report_submit(**form.cleaned_data)
        due = date_format(report.answer_due_on, "j. F Y")
        if report.email:
            text = _(
                "Danke für Ihre Meldung. Wir antworten Ihnen bis zum {date}; eine Bestätigung ist per E-Mail unterwegs."
            )
        else:
            text = _("Danke für Ihre Meldung. Wir kümmern uns bis zum {date} darum.")
        messages.success(self.request, text.format(date=due))
        return redirect("pages:barrier_report_sent")


class BarrierReportSentView(TemplateView):
    template_name = "pages/barrier_report_sent.html"


def robots_txt(request) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /verwaltung/",
        "Disallow: /transfer/meine/",
        "Disallow: /transfer/interessen/",
        "Disallow: /transfer/benachrichtigungen/",
        "Disallow: /transfer/bilanz/",
        "Disallow: /api/",
        f"Sitemap: {request.build_absolute_uri(reverse('pages:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    return redirect(static("favicon.svg"), permanent=True)
