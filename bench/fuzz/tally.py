"""What a fuzz run counts: requests by status class, the operations that answered 5xx, and the
schemathesis conformance failures by code and operation. Shared by the sending threads."""

import threading
from collections import Counter


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.classes = Counter()
        self.server_errors = Counter()  # "GET /path-template 500" -> count
        self.conformance = Counter()  # "ST201 GET /api/legal/: title" -> failing cases
        self.examples = {}  # the same key -> the first failing request and its answer
        self.lost = Counter()  # no answer at all (connection reset, timeout)
        self.requests = 0

    def answered(self, label, status):
        with self.lock:
            self.requests += 1
            self.classes[f"{status // 100}xx"] += 1
            if status >= 500:
                self.server_errors[f"{label} {status}"] += 1

    def no_answer(self, label, error):
        with self.lock:
            self.requests += 1
            self.lost[f"{label} {type(error).__name__}"] += 1

    def failed_check(self, code, title, label, example):
        with self.lock:
            key = f"{code} {label}: {title}"
            self.conformance[key] += 1
            self.examples.setdefault(key, example)

    def as_dict(self):
        return {
            "requests": self.requests,
            "status_classes": dict(sorted(self.classes.items())),
            "server_errors": sum(self.server_errors.values()),
            "failing_operations": dict(self.server_errors.most_common()),
            "no_answer": dict(self.lost.most_common()),
            "conformance_failures": len(self.conformance),
            "conformance": dict(sorted(self.conformance.items())),
            "conformance_examples": self.examples,
        }
