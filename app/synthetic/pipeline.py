"""Where the batches come from: built in this process, or in a process of their own while
this one writes.

Writing costs about twice what building costs and both hold Python's lock (binding
parameters on one side, making tuples on the other), so a thread does not overlap them; a
second process does. The batches cross a pipe pickled (about 1 µs a row) and in order, with
one batch built ahead at most, so memory stays at two batches and the region is the same
whichever way it is built.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection

from app.synthetic.bulk import Batch, RowBuffers, pack
from app.synthetic.case_files import CaseFileBuilder
from app.synthetic.context import Context
from app.synthetic.region import build_region

PARTICIPANTS_PER_BATCH = 1000


class GeneratorFailed(Exception):
    """The process building the rows stopped; the message holds its traceback."""


@dataclass(frozen=True)
class Plan:
    participants: int
    seed: int
    today: date
    dialect: str
    password_hash: str
    competence_items: list[tuple[str, str, int]]


def batches(plan: Plan) -> Iterator[Batch]:
    """The region's rows, packed for the writer: the fixed part first, then a batch per
    1000 participants."""
    rows = RowBuffers(plan.dialect)
    ctx = Context(rows, seed=plan.seed, today=plan.today)
    region = build_region(ctx, participants=plan.participants, password_hash=plan.password_hash)
    yield pack(rows.take(), plan.dialect)
    builder = CaseFileBuilder(ctx, region, plan.competence_items)
    for done in range(0, plan.participants, PARTICIPANTS_PER_BATCH):
        for _ in range(min(PARTICIPANTS_PER_BATCH, plan.participants - done)):
            builder.participant()
        yield pack(rows.take(), plan.dialect)


def batches_from_a_process(plan: Plan) -> Iterator[Batch]:
    """``batches(plan)``, built in a spawned process (no forked database connections)."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_produce, args=(plan, sender), name="werkpad-synthetic", daemon=True
    )
    process.start()
    sender.close()
    try:
        while True:
            try:
                message = receiver.recv()
            except EOFError as exc:
                raise GeneratorFailed(f"the generator exited ({process.exitcode})") from exc
            if message is None:
                return
            if isinstance(message, str):
                raise GeneratorFailed(message)
            yield message
    finally:
        receiver.close()
        if process.is_alive():
            process.terminate()  # the writer stopped early: nobody reads what comes next
        process.join()


def _produce(plan: Plan, sender: Connection) -> None:
    try:
        for batch in batches(plan):
            sender.send(batch)
        sender.send(None)
    except BrokenPipeError:
        pass  # the writer stopped
    except Exception:
        sender.send(traceback.format_exc())
    finally:
        sender.close()
