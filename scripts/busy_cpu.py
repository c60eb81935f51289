"""Keep N cores busy for S seconds, as a loaded CI machine is: `python scripts/busy_cpu.py 2
1500 & make test` runs the suite beside two spinning processes (README, Tests). A browser
test waits for the state it asserts, so what fails beside them is a race in the page or the
test, not the test's patience. The spinners end with this process, however it ends (a
`kill` of it included: they watch their parent)."""

import multiprocessing
import os
import signal
import sys
import time


def spin(parent: int) -> None:
    while os.getppid() == parent:  # an orphan stops
        for _ in range(1_000_000):
            pass


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # the daemons end at exit
    count, seconds = (int(sys.argv[1]) if len(sys.argv) > 1 else 2,
                      float(sys.argv[2]) if len(sys.argv) > 2 else 600)
    spinners = [multiprocessing.Process(target=spin, args=(os.getpid(),), daemon=True)
                for _ in range(count)]
    for process in spinners:
        process.start()
    time.sleep(seconds)
