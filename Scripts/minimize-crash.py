#!/usr/bin/env python3
"""Shrinks an input that crashes or hangs druglabel-fuzz --replay to the fewest lines (then bytes)
that still do, so that it can be kept as a regression test in Tests/DrugLabelTests/Fixtures/fuzz/.

usage: Scripts/minimize-crash.py FUZZ_BINARY INPUT OUTPUT
"""
import subprocess
import sys
import tempfile


def fails(binary, data):
    with tempfile.NamedTemporaryFile(suffix=".bin") as f:
        f.write(data)
        f.flush()
        try:
            r = subprocess.run([binary, "--replay", f.name], capture_output=True, timeout=30)
        except subprocess.TimeoutExpired:
            return True
        return r.returncode not in (0,)


def shrink(binary, pieces, join):
    """Delta debugging, greedy: drop chunks of pieces while the input still fails."""
    chunk = max(1, len(pieces) // 2)
    while chunk >= 1:
        i = 0
        while i < len(pieces):
            trial = pieces[:i] + pieces[i + chunk:]
            if trial and fails(binary, join(trial)):
                pieces = trial
            else:
                i += chunk
        chunk //= 2
    return pieces


def main():
    binary, source, target = sys.argv[1:4]
    data = open(source, "rb").read()
    if not fails(binary, data):
        sys.exit(f"{source} does not fail under {binary} --replay")
    lines = shrink(binary, data.split(b"\n"), lambda p: b"\n".join(p))
    data = b"\n".join(lines)
    data = bytes(shrink(binary, list(data), bytes))
    open(target, "wb").write(data)
    print(f"{target}: {len(data)} bytes")


if __name__ == "__main__":
    main()
