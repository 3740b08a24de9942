"""What the reader scripts (tests/packaging/*.py) share with the doctest suites: the skip
convention and the suite's time zone.

    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "support"))
    import roll_test
"""
import os
import pathlib
import sys
import time

_TABLE = pathlib.Path(__file__).resolve().parent / "test_zones.txt"


def skip(why):
    """The script cannot run here: say why and exit 77, which ctest shows as skipped. Called
    before the script's first check, so a failure is never reported as a skip."""
    print(f"SKIPPED: {why}", flush=True)
    sys.exit(77)


def test_time_zone():
    """ROLL_TEST_TZ (default UTC), for the TZ of every roll the script runs. Exits 1 when the zone
    is not in test_zones.txt or the C library does not give it the offset written there (it takes
    a zone it cannot find for UTC)."""
    zone = os.environ.get("ROLL_TEST_TZ") or "UTC"
    expected = None
    for line in _TABLE.read_text().splitlines():
        fields = line.split()
        if len(fields) == 2 and not line.startswith("#") and fields[0] == zone:
            expected = int(fields[1])
    if expected is None:
        print(f"ROLL_TEST_TZ={zone} is not in {_TABLE}: add the zone and its offset on "
              "2026-11-23 there to run the suite in it", file=sys.stderr)
        sys.exit(1)
    saved = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    actual = time.localtime(1795435200).tm_gmtoff // 60  # 2026-11-23T12:00:00Z
    if saved is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = saved
    time.tzset()
    if actual != expected:
        print(f"ROLL_TEST_TZ={zone} is {actual} minutes from UTC on 2026-11-23 here, not "
              f"{expected} (is tzdata installed? the C library takes a zone it cannot find for "
              "UTC)", file=sys.stderr)
        sys.exit(1)
    return zone


def utc_of_local(local):
    """The UTC stamp (`YYYY-MM-DDTHH:MM:SSZ`) of `local` (`YYYY-MM-DDTHH:MM`), a wall-clock time in
    the suite's zone: seeds written this way fall on the same local evening in every zone, where
    a fixed UTC stamp is the next morning in Tokyo."""
    import datetime
    import zoneinfo
    wall = datetime.datetime.fromisoformat(local).replace(
        tzinfo=zoneinfo.ZoneInfo(test_time_zone()))
    return wall.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
