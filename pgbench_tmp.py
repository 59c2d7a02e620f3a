import json
from bench import alerts
from bench.environment import drop_postgres, postgres_target
from bench.run import log
target = postgres_target()
try:
    print(json.dumps(alerts.run(target, log, migrate=True)))
finally:
    drop_postgres(target)
