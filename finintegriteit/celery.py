import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finintegriteit.settings")

app = Celery("finintegriteit")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="finintegriteit.ping")
def ping(waarde: int) -> int:
    """Round trip for the worker health check and the CI test: returns its argument plus one."""
    return waarde + 1
