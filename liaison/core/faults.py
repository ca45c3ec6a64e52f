"""Named points inside long writes where a fault test can stop a real process and kill it (SIGKILL).

`pause_point(name)` does nothing unless the environment variable LIAISON_PAUSE_AT equals `name`; then it
writes this process's id to the file named by LIAISON_PAUSE_FILE and waits there for ever, in the middle
of the write (its transaction open), for the test to kill it. Production never sets the variable.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

PAUSE_AT = "LIAISON_PAUSE_AT"
PAUSE_FILE = "LIAISON_PAUSE_FILE"


def pause_point(name: str) -> None:
    if os.environ.get(PAUSE_AT) != name:
        return
    Path(os.environ[PAUSE_FILE]).write_text(str(os.getpid()))
    while True:  # until killed
        time.sleep(3600)
