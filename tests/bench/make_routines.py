#!/usr/bin/env python3
"""Writes N valid routine files (variations of the bundled ones) into a directory, and optionally
one large valid routine just under the 1 MiB cap. Used by the lint benchmarks."""
import os
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROUTINES = HERE.parent.parent / "routines"


def main() -> None:
    out = pathlib.Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    out.mkdir(parents=True, exist_ok=True)
    bundled = sorted(ROUTINES.glob("*.toml"))
    for i in range(count):
        src = bundled[i % len(bundled)]
        text = src.read_text(encoding="utf-8")
        name = f"r{i:04d}"
        text = text.replace(f'name = "{src.stem}"', f'name = "{name}"', 1)
        (out / f"{name}.toml").write_text(text, encoding="utf-8")
    if "--large" in sys.argv:
        # Long cues make the bytes; few steps keep it a routine a linter must still plan.
        head = (ROUTINES / "thoracic.toml").read_text(encoding="utf-8").replace(
            'name = "thoracic"', 'name = "large"', 1)
        cue = ("Slow, sustained pressure; breathe out and let the muscle soften. " * 60)[:4000]
        body = []
        size = len(head)
        i = 0
        while True:
            step = (f'\n[[step]]\nname = "Extension {i}"\nkind = "stretch"\nzone = "thoracic"\n'
                    f'seconds = 1\ncue = "{cue}"\n')
            if size + len(step) > 1024 * 1024 - 4096 or i >= 190:
                break
            body.append(step)
            size += len(step)
            i += 1
        # The bundled movement steps must stay last so `move-after` still passes.
        cut = head.index('[[step]]\nname = "Thread the needle"')
        text = head[:cut] + "".join(body) + "\n" + head[cut:]
        # A throughput fixture: 190 steps make it run past 15 minutes, which is its point, so
        # session-length is silenced by name and it stays lint-clean (tests/bench/fixtures_lint_test.sh).
        text += '\n[lint]\nallow = ["session-length"]\n'
        # Notes in comments fill the rest, to just under the cap.
        filler = "# " + "note " * 15 + "\n"
        room = 1024 * 1024 - 1024 - len(text.encode("utf-8"))
        text += filler * (room // len(filler))
        large = out.parent / "large"
        large.mkdir(exist_ok=True)
        (large / "large.toml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
