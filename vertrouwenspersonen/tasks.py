from celery import shared_task


@shared_task(name="vertrouwenspersonen.tellijst_mengen", ignore_result=True)
def tellijst_mengen() -> None:
    """Beat, daily at a fixed hour: rewrite the Tellijst in a random order (services.tellijst_mengen)."""
    from . import services

    services.tellijst_mengen()
