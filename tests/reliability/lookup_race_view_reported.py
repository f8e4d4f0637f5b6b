#!/usr/bin/env python3
"""Runs lookup_race against the provider that returns views into its locked table, and checks that
ThreadSanitizer reports it: the view is copied into MPR's buffer after the hook has released its
lock, while another thread reallocates the table. The in-place build of the same provider runs
clean (the test lookup_race); this one shows the race that form removes.

usage: lookup_race_view_reported.py SANITIZE LOOKUP_RACE VIEW_PROVIDER
Exit 77 (skipped, with the reason) unless SANITIZE is 'thread'.
"""
import os
import subprocess
import sys

REPORTS = ("WARNING: ThreadSanitizer: data race", "WARNING: ThreadSanitizer: heap-use-after-free")


def main():
    sanitize, program, provider = sys.argv[1:4]
    if "thread" not in sanitize.split(","):
        print(f"SKIPPED: needs a -fsanitize=thread build (this one: b_sanitize={sanitize})")
        return 77
    env = dict(os.environ)
    env["TSAN_OPTIONS"] = "halt_on_error=1:report_signal_unsafe=0"
    result = subprocess.run([program, provider, "3000"], capture_output=True, text=True, env=env, timeout=600,
                            check=False)
    report = next((line for line in result.stderr.splitlines() if line.startswith(REPORTS)), None)
    if report is None:
        print(f"ThreadSanitizer reported nothing for the view form (exit {result.returncode}):")
        print(result.stdout + result.stderr[-3000:])
        return 1
    print(f"the view form is reported, as it must be: {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
