"""`python -m balai_devstack run`: the whole system on the embedded default (make run)."""
from __future__ import annotations

import argparse
import os
import signal
import time

from .stack import Stack


def main() -> None:
    parser = argparse.ArgumentParser(prog="balai_devstack")
    parser.add_argument("command", choices=["run"])
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the databases")
    args = parser.parse_args()
    stack = Stack(
        gateway_port=int(os.environ.get("BALAI_GATEWAY_PORT", "8000")),
        kafka_port=int(os.environ.get("BALAI_KAFKA_PORT", "9092")),
        admin_username=os.environ.get("BALAI_ADMIN_USERNAME", "admin"),
        admin_password=os.environ.get("BALAI_ADMIN_PASSWORD", "Balai-Demo-2026"),
        fresh_databases=args.fresh,
    )
    stopping = False

    def on_signal(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    print("Menyiapkan Balai (broker, database, layanan, data demo)...", flush=True)
    try:
        stack.start()
        signal.signal(signal.SIGINT, on_signal)  # also when started in the background (SIGINT ignored)
        print(f"""
Balai berjalan.
  Web UI / gateway : {stack.gateway_url}
  Kafka bootstrap  : {stack.kafka_bootstrap}
  PostgreSQL       : {stack.pg.kind}
  Admin demo       : {stack.admin_username} / {stack.admin_password}  (juga admin.jateng, admin.jatim)
  Peserta demo     : rossy / {stack.admin_password}
  Log layanan      : {stack.state_dir / 'logs'}
Tekan Ctrl-C untuk berhenti.""", flush=True)
        while not stopping:
            for name, proc in list(stack.procs.items()):
                if proc.poll() is not None:
                    print(f"{name} berhenti (kode {proc.returncode}); lihat {stack.log_path(name)}", flush=True)
                    stack.procs.pop(name)
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        print("Menghentikan Balai...", flush=True)
        stack.stop()


if __name__ == "__main__":
    main()
