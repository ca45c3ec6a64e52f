"""`make run`: migrate the embedded database, load demo data once, then run web + worker.

Ctrl-C stops both processes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def main() -> int:
    env = {**os.environ}
    env.setdefault("DEBUG", "1")
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    env.setdefault("DEMO_PASSWORD", "Liaison@2026")
    host = env.get("HOST", "127.0.0.1")
    port = env.get("PORT", "8000")
    if host not in {"127.0.0.1", "localhost"}:
        env.setdefault("ALLOWED_HOSTS", f"{host},127.0.0.1,localhost")
    (ROOT / "var").mkdir(exist_ok=True)
    # The demo's notification emails go to files, not over the terminal where the URL and accounts are.
    mail_dir = ROOT / "var" / "mail"
    env.setdefault("EMAIL_URL", f"file:///{mail_dir}")  # dj-email-url drops one slash of the path

    manage = [PY, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput"], check=True, env=env, cwd=ROOT)
    subprocess.run([*manage, "load_demo", "--if-empty"], check=True, env=env, cwd=ROOT)

    processes = [
        subprocess.Popen([*manage, "runserver", f"{host}:{port}", "--noreload"], env=env, cwd=ROOT),
        subprocess.Popen([*manage, "db_worker", "--no-reload", "--interval", "1"], env=env, cwd=ROOT),
        subprocess.Popen([*manage, "scheduler", "--interval", "15"], env=env, cwd=ROOT),
    ]
    print(
        f"\n政务服务联络官服务平台 is running at http://{host}:{port}/\n"
        f"Demo accounts (password: {env['DEMO_PASSWORD']}):\n"
        "  center_admin, center_leader, officer1 … officer6, guide1 … guide43,\n"
        "  dept_admin1 … dept_admin13, applicant1, applicant2, project_office, supervisor,\n"
        "  system_admin, security_admin, audit_admin\n"
        "  (which guide serves which item: docs/demo-accounts.md)\n"
        f"Emails are written to {mail_dir}/ (EMAIL_URL to change).\n"
        "Press Ctrl-C to stop the web app, the background worker and the reminder scheduler.\n",
        flush=True,
    )

    def stop(*_args: object) -> None:
        for proc in processes:
            if proc.poll() is None:
                proc.terminate()

    signal.signal(signal.SIGTERM, stop)
    try:
        while all(proc.poll() is None for proc in processes):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stop()
        for proc in processes:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
