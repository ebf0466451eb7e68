"""Every manifest under deploy/ parses, and the observability ones agree with the code: the KEDA
ScaledObjects name the consumer groups the services really use, the alert rules name metrics the
services really export, and the KEDA components build (with kubectl, when installed)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from prometheus_client import generate_latest

from balai_contracts.topics import PARTITIONS
from balai_platform import metrics  # noqa: F401 - registers the families
from balai_platform.metrics import subscriptions_of

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
MANIFESTS = sorted(p for p in DEPLOY.rglob("*") if p.suffix in (".yaml", ".yml"))


def documents(path: Path) -> list[dict]:
    return [d for d in yaml.safe_load_all(path.read_text()) if d is not None]


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: str(p.relative_to(DEPLOY)))
def test_every_manifest_parses_and_names_its_kind(path):
    docs = documents(path)
    assert docs, f"{path} is empty"
    for doc in docs:
        assert isinstance(doc, dict) and doc.get("apiVersion") and doc.get("kind"), path


def _consumer_groups(service: str) -> set[tuple[str, str]]:
    module = __import__(f"{service}.main", fromlist=["create_app"])
    return set(subscriptions_of(module.create_app().state.broker))


@pytest.mark.parametrize("service", ["lodging", "certificate"])
def test_scaled_object_follows_the_service_consumer_groups(service):
    folder = DEPLOY / service / "keda"
    component = documents(folder / "kustomization.yaml")[0]
    assert component["kind"] == "Component"
    # the component removes the CPU HPA: KEDA's own HPA must be the only one on the Deployment
    patched = yaml.safe_load(component["patches"][0]["patch"])
    assert patched["$patch"] == "delete" and patched["kind"] == "HorizontalPodAutoscaler"
    assert patched["metadata"]["name"] == service
    scaled = documents(folder / "scaledobject.yaml")[0]
    assert scaled["kind"] == "ScaledObject" and scaled["spec"]["scaleTargetRef"]["name"] == service
    hpa = documents(DEPLOY / service / "hpa.yaml")[0]["spec"]
    assert scaled["spec"]["minReplicaCount"] == hpa["minReplicas"]
    assert scaled["spec"]["maxReplicaCount"] == hpa["maxReplicas"] <= PARTITIONS
    kafka = [t["metadata"] for t in scaled["spec"]["triggers"] if t["type"] == "kafka"]
    assert {(t["consumerGroup"], t["topic"]) for t in kafka} == _consumer_groups(service)
    for trigger in kafka:
        assert int(trigger["lagThreshold"]) > int(trigger["activationLagThreshold"]) > 0
        assert trigger["bootstrapServers"].endswith(".svc:9092")  # KEDA runs in its own namespace


def test_alert_rules_use_exported_metrics():
    rule = documents(DEPLOY / "monitoring" / "prometheusrule.yaml")[0]
    text = generate_latest().decode()  # every family balai_platform.metrics registered
    exported = set(re.findall(r"^# TYPE (\S+)", text, flags=re.M))
    exported |= {f"{n}_total" for n in re.findall(r"^# TYPE (\S+) counter", text, flags=re.M)}
    recorded = {r["record"] for g in rule["spec"]["groups"] for r in g["rules"] if "record" in r}
    alerts = {r["alert"]: r for g in rule["spec"]["groups"] for r in g["rules"] if "alert" in r}
    assert {"BalaiConsumerLagGrowing", "BalaiOutboxBacklogOld", "BalaiDeadLetter"} <= set(alerts)
    assert alerts["BalaiConsumerLagGrowing"]["for"] == "5m"
    assert "> 60" in alerts["BalaiOutboxBacklogOld"]["expr"]
    for r in (r for g in rule["spec"]["groups"] for r in g["rules"]):
        expr = r["expr"]
        names = set(re.findall(r"\b(balai[:_][a-z_:]+)", expr))
        assert names, r
        unknown = {n for n in names if n not in exported and n not in recorded}
        assert not unknown, f"{r.get('alert') or r.get('record')}: {unknown}"


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")
def test_kustomize_builds_with_and_without_the_keda_components(tmp_path):
    plain = subprocess.run(["kubectl", "kustomize", str(DEPLOY)], capture_output=True, text=True, check=True)
    copy = tmp_path / "deploy"
    shutil.copytree(DEPLOY, copy)
    root = copy / "kustomization.yaml"
    enabled = re.sub(r"^# (components:)$|^#   (- \w+/keda)$", lambda m: m[1] or f"  {m[2]}",
                     root.read_text(), flags=re.M)
    assert enabled.count("/keda") == 2 and "\ncomponents:" in enabled
    root.write_text(enabled)
    keda = subprocess.run(["kubectl", "kustomize", str(copy)], capture_output=True, text=True, check=True)
    monitoring = subprocess.run(["kubectl", "kustomize", str(DEPLOY / "monitoring")],
                                capture_output=True, text=True, check=True)

    def kinds(out: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for doc in yaml.safe_load_all(out):
            found.setdefault(doc["kind"], set()).add(doc["metadata"]["name"])
        return found

    base, scaled = kinds(plain.stdout), kinds(keda.stdout)
    assert {"lodging", "certificate"} <= base["HorizontalPodAutoscaler"] and "ScaledObject" not in base
    assert scaled["ScaledObject"] == {"lodging", "certificate"}
    assert not {"lodging", "certificate"} & scaled["HorizontalPodAutoscaler"]
    assert all(d["metadata"]["namespace"] == "balai" for d in yaml.safe_load_all(keda.stdout)
               if d["kind"] == "ScaledObject")
    assert kinds(monitoring.stdout) == {"PodMonitor": {"balai"}, "PrometheusRule": {"balai"}}
