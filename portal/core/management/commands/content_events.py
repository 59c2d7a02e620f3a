"""`content_events status` shows each consumer of the content event log; `process` lets them
read what they have not read (the cron's safety net when the task worker was down)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.core.models import ConsumerState
from portal.core.publishing.consumers import consumers, log_head, run_consumers


class Command(BaseCommand):
    help = "Show the consumers of the content event log (status) or run them (process)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["status", "process"])
        parser.add_argument(
            "--now", action="store_true", help="process: ignore the retry delays of failed ones"
        )

    def handle(self, *args, action, now=False, **options):
        if action == "process":
            if now:
                ConsumerState.objects.update(retry_at=None)
            for outcome in run_consumers():
                state = "waiting (retry delay)" if outcome.waiting else "ok"
                if outcome.error:
                    state = f"FAILED: {outcome.error}"
                self.stdout.write(f"{outcome.name}: read {outcome.read} events, {state}")
        self.status()

    def status(self):
        head = log_head()
        states = {state.name: state for state in ConsumerState.objects.all()}
        self.stdout.write(f"Content event log: latest event {head}")
        failing = False
        for name in sorted(consumers()):
            state = states.get(name) or ConsumerState(name=name)
            line = f"  {name}: position {state.position}, {head - state.position} behind"
            if state.attempts:
                failing = True
                retry = timezone.localtime(state.retry_at).isoformat() if state.retry_at else "-"
                line += (
                    f", FAILING ({state.attempts} attempts, next retry {retry}): {state.last_error}"
                )
            self.stdout.write(line)
        if failing:
            self.stdout.write("Some consumers are failing; they retry with a growing delay.")
