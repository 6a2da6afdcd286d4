"""Lists whose URL parameters got German names keep their old addresses working."""

from django.http import HttpResponsePermanentRedirect


class RenamedParamsRedirectMixin:
    """A GET with a parameter of the old name is redirected (301) to the same list with the new name, so
    bookmarks, printed links and search engines land on the list they meant."""

    renamed_params: dict[str, str] = {}

    def get(self, request, *args, **kwargs):
        if any(name in request.GET for name in self.renamed_params):
            params = request.GET.copy()
            for old, new in self.renamed_params.items():
                if old in params:
                    params.setlist(new, params.getlist(new) + params.pop(old))
            return HttpResponsePermanentRedirect(f"{request.path}?{params.urlencode()}")
        return super().get(request, *args, **kwargs)
