"""HSDS 3 paging (``total_items`` … ``contents``) plus links to the next and the previous page."""

import math
from typing import Any

from django.http import HttpRequest
from django.utils.http import urlencode
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from .filters import whole_number
from .schemas import Out, Url

MAX_PAGE = 100000
MAX_PAGE_SIZE = 200
PageNumber = whole_number(1, MAX_PAGE)
PageSize = whole_number(1, MAX_PAGE_SIZE)


class Paging(Schema):
    page: PageNumber = Field(1, description="Seitennummer, ab 1.")
    page_size: PageSize = Field(50, description="Einträge pro Seite.")


class HsdsPagination(PaginationBase):
    Input = Paging

    class Output(Out):
        total_items: int = Field(ge=0)
        total_pages: int = Field(ge=1)
        page_number: int = Field(ge=1)
        size: int = Field(ge=0)
        first_page: bool
        last_page: bool
        empty: bool
        next: Url | None
        previous: Url | None
        contents: list[Any]

    items_attribute = "contents"

    def paginate_queryset(self, queryset, pagination: Paging, request: HttpRequest, **params) -> dict:
        page, size = pagination.page, pagination.page_size
        total = self._items_count(queryset)
        total_pages = max(1, math.ceil(total / size))
        start = (page - 1) * size
        items = list(queryset[start : start + size]) if start < total else []

        def link(number: int) -> str | None:
            if not 1 <= number <= total_pages:
                return None
            query = request.GET.copy()
            query["page"] = number
            return request.build_absolute_uri(f"{request.path}?{urlencode(sorted(query.items()))}")

        return {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page,
            "size": len(items),
            "first_page": page == 1,
            "last_page": page >= total_pages,
            "empty": not items,
            "next": link(page + 1),
            "previous": link(page - 1) if page <= total_pages else link(total_pages),
            "contents": items,
        }
