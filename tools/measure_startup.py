#!/usr/bin/env python3
"""Start-up of two `stance` builds, interleaved: the numbers in the README's "A NativeAOT stance".

Usage: tools/measure_startup.py JIT_STANCE AOT_STANCE [RUNS]
  e.g. dotnet publish src/StanceRules.Cli -c Release -o /tmp/jit-cli
       dotnet publish src/StanceRules.Cli -c Release -r linux-x64 -p:PublishAot=true -o /tmp/aot-cli
       tools/measure_startup.py /tmp/jit-cli/stance /tmp/aot-cli/stance
Prints, per command line, each build's median and fastest wall time from process start to exit.
"""
import statistics
import subprocess
import sys
import time

builds = {"jit": sys.argv[1], "aot": sys.argv[2]}
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 11
for args in (["--version"], ["infer"]):
    times = {name: [] for name in builds}
    for _ in range(runs):
        for name, exe in builds.items():
            start = time.perf_counter()
            subprocess.run([exe, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    summary = ", ".join(f"{name} median {statistics.median(t) * 1000:.0f} ms (fastest {min(t) * 1000:.0f} ms)" for name, t in times.items())
    print(f"stance {' '.join(args)}: {summary}")
