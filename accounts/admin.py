from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import Coordinator, User


class CoordinatorInline(admin.TabularInline):
    model = Coordinator
    extra = 0
    autocomplete_fields = ["municipality"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [CoordinatorInline]
    list_display = ["username", "first_name", "last_name", "email", "is_staff"]


@admin.register(Coordinator)
class CoordinatorAdmin(admin.ModelAdmin):
    list_display = ["user", "municipality", "created_at"]
    list_filter = ["municipality"]
    autocomplete_fields = ["user", "municipality"]
