"""Kept apart from apps.py and beheer.py: INSTALLED_APPS imports it before any model is loaded."""

from django.contrib.admin.apps import AdminConfig


class BeheerAdminConfig(AdminConfig):
    """django.contrib.admin with kern's admin site (TOTP required, one login page) as `admin.site`."""

    default_site = "finintegriteit.kern.beheer.BeheerSite"
