"""What the benchmarks share: the site served the production way from a database of its own, and clients to drive it.

Each benchmark has its own database, Redis db and port, so that none measures, fills or empties another's.
"""

import asyncio
import os
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORKERS = (os.cpu_count() or 2) * 2 + 1
POSTGRES = ("-h", "127.0.0.1", "-U", "postgres")

# One request a client makes, given its client and a suffix of its own; true when it succeeded.
Request = Callable[[httpx.AsyncClient, str], Awaitable[bool]]


@dataclass(frozen=True)
class BenchSite:
    """The site on local PostgreSQL and Redis, with `settings` added to what every benchmark sets."""

    database: str
    redis_db: int
    port: int
    settings: Mapping[str, str] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def environment(self) -> dict[str, str]:
        return {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": "bench-" + "x" * 50,
            "PERSONAL_DATA_HASH_KEY": "bench-hash-key",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{self.database}",
            "REDIS_URL": f"redis://127.0.0.1:6379/{self.redis_db}",
            "EMAIL_URL": "dummymail://",
            "SITE_URL": self.base,
            "LOG_LEVEL": "WARNING",
            **self.settings,
        }

    def run(self, *command: str) -> None:
        env = {**os.environ, **self.environment}
        subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)

    def manage(self, *arguments: str) -> None:
        self.run(sys.executable, "manage.py", *arguments)

    def psql(self, sql: str) -> None:
        subprocess.run(["psql", *POSTGRES, "-q", "-d", self.database, "-c", sql], check=True)

    def prepare_database(self, *loads: Sequence[str]) -> None:
        """A new database, migrated and filled by the `manage.py` commands in `loads`, and an empty cache."""
        subprocess.run(["dropdb", *POSTGRES, "--if-exists", self.database], check=True)
        subprocess.run(["createdb", *POSTGRES, self.database], check=True)
        self.manage("migrate", "--no-input")
        for load in loads:
            self.manage(*load)
        self.manage("collectstatic", "--no-input")
        self.run("redis-cli", "-n", str(self.redis_db), "flushdb")

    def setup_django(self) -> None:
        """Django in this process, on the settings and database the server uses."""
        os.environ.update(self.environment)
        import django

        django.setup()

    @contextmanager
    def serving(self, workers: int) -> Iterator[None]:
        """gunicorn as in production, answering until the block ends."""
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        server = subprocess.Popen(
            [
                *(gunicorn, "config.wsgi", "--preload", "--bind", f"127.0.0.1:{self.port}"),
                *("--workers", str(workers), "--log-level", "warning"),
            ],
            cwd=ROOT,
            env={**os.environ, **self.environment},
        )
        try:
            self._wait_for(server)
            yield
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait()

    def _wait_for(self, server: subprocess.Popen) -> None:
        for _ in range(100):
            if server.poll() is not None:
                raise RuntimeError("the server stopped while starting")
            try:
                if httpx.get(f"{self.base}/bench/ceiling").status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")


async def hammer(base: str, clients: int, seconds: float, request: Request, rate: float = 0) -> tuple[int, list[float]]:
    """Run `request(client, suffix)` from many clients for a time; count successes and latencies.

    Without a rate each client sends its next request as soon as the last one is answered (the most
    the server can take). With a rate the clients together start that many per second, and latency
    counts from the planned start, so a slow answer cannot hide the requests it held back.
    """
    latencies: list[float] = []
    done = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    # Clients are made before the clock starts: making 64 of them takes the client process a second or more.
    sessions = [httpx.AsyncClient(base_url=base, limits=limits, timeout=30) for _ in range(clients)]
    began = time.perf_counter()
    deadline = began + seconds

    async def worker(number: int, client: httpx.AsyncClient) -> None:
        nonlocal done
        iteration = 0
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            if rate:
                started = began + (iteration * clients + number) / rate
                await asyncio.sleep(max(0.0, started - time.perf_counter()))
            if await request(client, f"{number}-{iteration}"):
                latencies.append(time.perf_counter() - started)
                done += 1
            iteration += 1

    try:
        await asyncio.gather(*(worker(number, session) for number, session in enumerate(sessions)))
    finally:
        await asyncio.gather(*(session.aclose() for session in sessions))
    return done, latencies


async def ceiling(client: httpx.AsyncClient, _: str) -> bool:
    return (await client.get("/bench/ceiling")).status_code == 200


def percentiles(latencies: list[float]) -> str:
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return f"p50 {quantiles[49] * 1000:6.1f} ms   p99 {quantiles[98] * 1000:6.1f} ms"
