"""What the log receives during a test: every record of every logger, what the project's own handler
writes, or what a Celery worker's handlers write."""

import contextlib
import io
import logging
from collections.abc import Iterator


@contextlib.contextmanager
def alle_logregels() -> Iterator[list[str]]:
    """Every record any logger writes, at any level, whatever its handlers or propagation, formatted
    with its traceback; the loggers' levels come back afterwards."""
    regels: list[str] = []
    formatter = logging.Formatter("%(levelname)s %(name)s %(message)s")
    loggers = [logging.getLogger()] + [
        logger for logger in logging.root.manager.loggerDict.values() if isinstance(logger, logging.Logger)
    ]
    niveaus = [(logger, logger.level, logger.disabled) for logger in loggers]
    origineel = logging.Logger.handle

    def handle(logger, record):
        regels.append(formatter.format(record) + repr(getattr(record, "data", "")))
        return origineel(logger, record)

    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
    logging.Logger.handle = handle
    try:
        yield regels
    finally:
        logging.Logger.handle = origineel
        for logger, niveau, uit in niveaus:
            logger.setLevel(niveau)
            logger.disabled = uit


@contextlib.contextmanager
def log_van_het_webproces() -> Iterator[io.StringIO]:
    """What the project's own log handler (LOGGING, with the quiet-task filter) writes at INFO."""
    from finintegriteit.logboek import StilleTakenFilter

    handler = next(
        h for h in logging.getLogger().handlers if any(isinstance(f, StilleTakenFilter) for f in h.filters)
    )
    uitvoer = io.StringIO()
    vorige, niveau = handler.setStream(uitvoer), logging.getLogger().level
    logging.getLogger().setLevel(logging.INFO)
    try:
        yield uitvoer
    finally:
        handler.setStream(vorige)
        logging.getLogger().setLevel(niveau)


@contextlib.contextmanager
def log_van_de_worker() -> Iterator[io.StringIO]:
    """The worker's logging as Celery sets it up (root handlers replaced by its own, with its format),
    and the project's handler of the after_setup_logger signal on them; everything restored afterwards."""
    from celery.signals import after_setup_logger

    root = logging.getLogger()
    vorige = root.handlers[:], root.level
    uitvoer = io.StringIO()
    handler = logging.StreamHandler(uitvoer)
    handler.setFormatter(logging.Formatter("[%(asctime)s: %(levelname)s/%(processName)s] %(message)s"))
    root.handlers, root.level = [handler], logging.DEBUG
    try:
        after_setup_logger.send(sender=None, logger=root, loglevel=logging.INFO, logfile=None, format="")
        yield uitvoer
    finally:
        root.handlers, root.level = vorige
