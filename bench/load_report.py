"""The load benchmark's figures: one row per group and user count, and the ratio to the echo bot."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

RATIO_USERS = 16


@dataclass
class Result:
    group: str
    users: int
    turns: int
    seconds: float
    latencies: list[float]
    errors: Counter[str]
    cpu_seconds: float  # the bot processes' CPU time within the window
    rss_peak_mb: float  # the largest VmHWM of the bot processes
    rss_end_mb: float  # VmRSS at the end of the window (summed over replicas)
    load: float  # the machine's 1-minute load average when the window started
    rss_series: list[tuple[int, float]] = field(default_factory=list)  # (turns so far, RSS MB) on long runs
    answers: list[float] = field(default_factory=list)  # until the HTTP answer alone (without the reply)

    @property
    def turns_per_second(self) -> float:
        return self.turns / self.seconds if self.seconds else 0.0

    def percentile_ms(self, share: float, *, answers: bool = False) -> float:
        values = self.answers if answers else self.latencies
        if not values:
            return float("nan")
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    @property
    def cpu_ms_per_turn(self) -> float:
        return self.cpu_seconds * 1000 / self.turns if self.turns else float("nan")


def print_header() -> None:
    print("| bot | users | turns/s | p50 | p99 | 201 p50 / p99 | errors | bot CPU/turn | peak RSS | RSS at end | load |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")


def print_result(result: Result) -> None:
    errors = sum(result.errors.values())
    kinds = f" ({', '.join(f'{k} {n}' for k, n in result.errors.most_common())})" if errors else ""
    print(f"| {result.group} | {result.users} | {result.turns_per_second:,.1f} | {result.percentile_ms(0.50):,.0f} ms "
          f"| {result.percentile_ms(0.99):,.0f} ms "
          f"| {result.percentile_ms(0.50, answers=True):,.0f} / {result.percentile_ms(0.99, answers=True):,.0f} ms "
          f"| {errors} of {result.turns:,}{kinds} | {result.cpu_ms_per_turn:.1f} ms "
          f"| {result.rss_peak_mb:,.0f} MB | {result.rss_end_mb:,.0f} MB | {result.load:.1f} |", flush=True)
    if result.rss_series:
        series = ", ".join(f"{turns:,}: {mb:,.0f} MB" for turns, mb in result.rss_series)
        print(f"|   RSS by turns: {series} |", flush=True)


def print_ratio(results: list[Result]) -> None:
    """Each group's turns per second at 16 users over the echo bot's, measured in the same run."""
    echo = next((r for r in results if r.group == "echo" and r.users == RATIO_USERS), None)
    if echo is None or not echo.turns:
        return
    print(f"\nratio to the echo bot at {RATIO_USERS} users ({echo.turns_per_second:,.1f} turns/s):")
    for result in results:
        if result.group != "echo" and result.users == RATIO_USERS:
            print(f"  {result.group}: {result.turns_per_second / echo.turns_per_second:.2f}x")
