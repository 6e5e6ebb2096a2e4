"""Signing under load: the site served the production way on PostgreSQL, driven by concurrent clients.

    .venv/bin/python bench/signing.py [--clients 64] [--seconds 20] [--preload 1000000]

Prints signatures accepted per second, p50/p99 latency of signing, counter reads per second, and the
same server's ceiling (a view touching neither database nor templates), with ratios to it; checks that
every accepted signature is stored exactly once and every confirmed one is counted. With --preload it
runs again after bulk-loading that many confirmed signatures.

Each signature carries a real captcha solution. Browsers solve theirs while the visitor types, so the
script fetches and solves challenges before the timed phase (their rate is printed too); the server
is told to make easy challenges, which changes the client's work only, not the server's.
"""

import argparse
import asyncio
import base64
import json
import re
import secrets
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import httpx
from altcha import solve_challenge_v1

# Run as a file, Python puts this folder on the path, not the repository that holds the bench package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import DEFAULT_WORKERS, BenchSite, Request, ceiling, hammer, percentiles

SITE = BenchSite(
    database="alliance_bench",
    redis_db=3,
    port=8765,
    settings={
        "SIGNING_RATE_PER_IP": "1000000/m",
        "SIGNING_RATE_PER_EMAIL_DOMAIN": "1000000/m",
        "CAPTCHA_MAX_NUMBER": "2000",
    },
)
# The signing rate the site must sustain, as a share of the ceiling; latency is measured at that rate.
GOAL_SHARE_OF_CEILING = 0.35
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SIGN_FORM = re.compile(r'<form class="sign-form"')


async def counter_read(client: httpx.AsyncClient, _: str) -> bool:
    return (await client.get("/counters/petition.json")).status_code == 200


def solve(challenge: dict) -> str:
    solution = solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    assert solution is not None
    fields = ("algorithm", "challenge", "salt", "signature")
    payload = {**{field: challenge[field] for field in fields}, "number": solution.number}
    return base64.b64encode(json.dumps(payload).encode()).decode()


def captcha_solutions(count: int, clients: int) -> tuple[list[str], float]:
    """Fetch and solve challenges as the visitors' browsers would; return them and the fetch rate."""

    async def fetch(client: httpx.AsyncClient, _: str) -> bool:
        response = await client.get("/captcha/challenge.json")
        challenges.append(response.json())
        return response.status_code == 200

    challenges: list[dict] = []
    started = time.perf_counter()
    asyncio.run(hammer_count(clients, count, fetch))
    rate = len(challenges) / (time.perf_counter() - started)
    with ProcessPoolExecutor() as pool:
        return list(pool.map(solve, challenges, chunksize=64)), rate


async def hammer_count(clients: int, count: int, request: Request) -> None:
    remaining = iter(range(count))
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def worker() -> None:
        async with httpx.AsyncClient(base_url=SITE.base, limits=limits, timeout=30) as client:
            for number in remaining:
                await request(client, str(number))

    await asyncio.gather(*(worker() for _ in range(clients)))


def signer(run_id: str, solutions: list[str]):
    async def sign(client: httpx.AsyncClient, suffix: str) -> bool:
        page = await client.get("/en/petition/")
        if not SIGN_FORM.search(page.text) or not solutions:
            return False
        response = await client.post(
            "/en/petition/",
            data={
                "altcha": solutions.pop(),
                "name": f"Bench Signer {suffix}",
                "email": f"bench-{run_id}-{suffix}@example.org",
                "country": "DE",
                "postal_code": "10115",
                "privacy_consent": "on",
            },
        )
        return response.status_code == 302

    return sign


def confirm_all() -> tuple[int, int, int, int]:
    """Confirm this run's signatures through the confirmation page.

    Returns how many were stored, how many confirmations succeeded, and, for the whole campaign, the
    confirmed signatures in the table and the count the counter keeps.
    """
    SITE.setup_django()
    from alliance.signatures.models import Signature, Tally
    from alliance.signatures.tokens import CONFIRM, make_token

    signatures = list(Signature.objects.filter(campaign__slug="petition", status="pending"))
    confirmed = 0
    with httpx.Client(base_url=SITE.base) as client:
        for signature in signatures:
            path = f"/en/signatures/confirm/{make_token(signature, CONFIRM)}/"
            page = client.get(path)
            token = CSRF.search(page.text)
            response = client.post(path, data={"csrfmiddlewaretoken": token.group(1) if token else ""})
            confirmed += response.status_code == 200
    in_table = Signature.objects.confirmed().filter(campaign__slug="petition").count()
    tally = Tally.objects.get(campaign__slug="petition", dimension="total", key="").count
    return len(signatures), confirmed, in_table, tally


def preload(count: int) -> None:
    """Bulk-load confirmed signatures straight into the tables, as a long campaign would leave them."""
    sql = f"""
        INSERT INTO signatures_signature (campaign_id, kind, status, name, email, email_hash, email_domain,
            country, region, subregion, organisation_name, organisation_kind, role, website, logo, listed,
            language, news_opt_in, privacy_consent_at, ip_hash, created_at, confirmed_at)
        SELECT c.id, 'individual', 'confirmed', 'preloaded', 'preloaded', md5('preload' || n) || md5(n::text),
            'example.org', 'DE', 'DE30', 'DE300', '', '', '', '', '', true, 'en', false, now(), '', now(), now()
        FROM generate_series(1, {count}) AS n, campaigns_campaign AS c WHERE c.slug = 'petition';
    """
    SITE.psql(sql)
    SITE.manage("recount_tallies")
    SITE.psql("ANALYZE")


def measure(clients: int, seconds: float, label: str) -> None:
    run_id = secrets.token_hex(4)
    solutions, challenge_rate = captcha_solutions(int(seconds * 500), clients)
    # Every worker process imports and renders once before anything is timed, as on a running site.
    warm, _ = asyncio.run(hammer(SITE.base, clients, 6, signer(f"{run_id}-warm", solutions)))
    ceiling_done, _ = asyncio.run(hammer(SITE.base, clients, seconds, ceiling))
    ceiling_rate = ceiling_done / seconds
    signed, full_load_latencies = asyncio.run(hammer(SITE.base, clients, seconds, signer(run_id, solutions)))
    paced_rate = GOAL_SHARE_OF_CEILING * ceiling_rate
    paced, latencies = asyncio.run(
        hammer(SITE.base, clients, seconds, signer(f"{run_id}-paced", solutions), rate=paced_rate)
    )
    # The same at half the most the server took: the latency a visitor sees when the site keeps up.
    half_rate = signed / seconds / 2
    half, half_latencies = asyncio.run(
        hammer(SITE.base, clients, seconds, signer(f"{run_id}-half", solutions), rate=half_rate)
    )
    reads, _ = asyncio.run(hammer(SITE.base, clients, seconds, counter_read))
    stored, confirmed, in_table, counted = confirm_all()
    sign_rate, read_rate = signed / seconds, reads / seconds
    signed += warm + paced + half
    print(f"\n== {label}: {clients} clients, {seconds:.0f} s per phase ==")
    print(f"ceiling (minimal view):     {ceiling_rate:8.1f} requests/s")
    print(f"signing (GET form + POST):  {sign_rate:8.1f} signatures/s  = {sign_rate / ceiling_rate:6.1%} of ceiling")
    print(f"  latency at that load:     {percentiles(full_load_latencies)} (clients never pause: queueing)")
    print(f"  latency at {paced_rate:5.1f}/s:       {percentiles(latencies)} ({GOAL_SHARE_OF_CEILING:.0%} of ceiling)")
    print(f"  latency at {half_rate:5.1f}/s:       {percentiles(half_latencies)} (half the measured maximum)")
    print(f"counter reads:              {read_rate:8.1f} requests/s  = {read_rate / ceiling_rate:6.1%} of ceiling")
    print(f"captcha challenges:         {challenge_rate:8.1f} requests/s (fetched before the timed phases)")
    print(
        f"accepted {signed}, stored {stored}, confirmed {confirmed}; campaign: {in_table} confirmed, counter {counted}"
    )
    print("every accepted signature stored once:", "yes" if stored == signed else "NO")
    print("every confirmed signature counted:   ", "yes" if counted == in_table and confirmed == stored else "NO")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
    parser.add_argument("--preload", type=int, default=0)
    arguments = parser.parse_args()
    SITE.prepare_database(["load_demo"])
    with SITE.serving(arguments.workers):
        measure(arguments.clients, arguments.seconds, "empty campaign")
        if arguments.preload:
            preload(arguments.preload)
            measure(arguments.clients, arguments.seconds, f"with {arguments.preload:,} confirmed signatures stored")


if __name__ == "__main__":
    main()
