"""Waits and concurrent changes, for every resource module.

A create whose wait times out fails with the new resource's id and the state last seen; running the task again
waits for that resource instead of creating another (no second create in the request log; a batch job, which the
service cannot list, is started again with the same retry token and the service answers with the first job). A
module that follows a work request times out the same way and picks the same work request up. An update or delete
whose etag went stale (someone changed the resource between the module's read and its write) fails with a clear
conflict, and the other writer's change stays: nothing is overwritten."""

import json
from unittest import mock

import pytest
import requests

from ansible_collections.cloudai.control.plugins.module_utils.behaviours import FRESH_START_WINDOW
from emulator.testing import HuaweiClient, OciClient
from reliability import catalogue
from reliability.harness import Converged, has_traceback, record, records, run_module
from reliability.scenarios import Resource

SLOW = 30  # emulated seconds each lifecycle transition takes while a wait is to time out


def converged_subject(module, emulated, prefix, create=False):
    service = catalogue.service_of(module)
    subject = catalogue.update_step(module)
    run = Converged(service, emulated.credentials, prefix)
    run.converge(catalogue.prerequisites(service, [subject.label]) + ([subject] if create else []))
    return service, subject, run


def slow_work(module, emulated):
    """The subject with its prerequisites made, and the emulator slow (SLOW) for what the subject waits for: its
    own create, or (for a module that follows a work request) the last prerequisite that creates, made without
    waiting."""
    service = catalogue.service_of(module)
    subject = catalogue.subject(module)
    run = Converged(service, emulated.credentials, "wait")
    steps = catalogue.prerequisites(service, [subject.label])
    creating = [s for s in steps if isinstance(s, Resource) and catalogue.by_name(s.module).name_option]
    slow = subject if module.name_option else creating[-1]
    run.converge(steps[:steps.index(slow)] if slow in steps else steps)
    emulated.admin.settings(delay=SLOW)  # emulated seconds: longer than the wait below
    if slow is not subject:
        run.run(slow, {"wait": False})
        run.converge(steps[steps.index(slow) + 1:])
    return service, subject, run


def live_named(emulated, service, module, name):
    return [fields for kind, fields in records(emulated.handle, service)
            if kind == module.name and fields.get(service.name_field_of(module.name)) == name
            and fields.get("lifecycleState") not in service.gone_states]


@pytest.mark.parametrize("module", [module for module in catalogue.resource_modules() if module.waits], ids=str)
def test_wait_timeout_returns_id_and_state_and_the_rerun_picks_it_up(module, emulated):
    """Every module whose resource has a lifecycle to wait for (a Fabric workspace or model is ready at once)."""
    service, subject, run = slow_work(module, emulated)
    since = emulated.admin.last_seq()
    timed_out = run_module(module.name, run.args(subject, {"wait_timeout": 1}))
    assert not has_traceback(timed_out), timed_out
    assert timed_out.get("failed") is True, timed_out
    assert "wait_timeout=1s" in timed_out["msg"] and "timed out" in timed_out["msg"], timed_out["msg"]
    resource_id, state = timed_out.get("id"), timed_out.get("lifecycle_state")
    assert resource_id and resource_id in timed_out["msg"], timed_out
    assert state and state not in service.gone_states and "last seen" in timed_out["msg"], timed_out
    creates = [e for e in emulated.admin.mutating(since) if e["method"] == "POST"]
    assert len(creates) == (1 if module.name_option else 0), creates

    emulated.admin.settings(time_scale=60)  # the work finishes within the next real second
    emulated.handle.emulator.clock.advance(FRESH_START_WINDOW + 1)  # the task runs again later
    since = emulated.admin.last_seq()
    again = run_module(module.name, run.args(subject, {"wait_timeout": 120}))
    assert not again.get("failed"), again.get("msg")
    assert again[module.kind][module.id_key] == resource_id and again["changed"] is False, again
    posts = [e for e in emulated.admin.requests_log(since) if e["method"] == "POST" and not e["path"].endswith("/x509")]
    if module.name_option and not module.finds_by_name:  # started again with the same token: answered with the first
        assert len(posts) == 1 and posts[0]["status"] == 200 and posts[0]["replayed"], posts
    else:
        assert posts == [], "the re-run created again: %s" % posts
    if module.name_option:
        name = run.args(subject)[module.name_option]
        assert [fields[module.id_key] for fields in live_named(emulated, service, module, name)] == [resource_id]
    record("wait_timeout", module=module.name, state=state, picked_up=1)


def concurrent_body(body):
    """Another writer's change of the same fields: strings get a suffix, numbers grow, dicts gain a key; of the tags
    when none of them is one of those."""
    changed = {}
    for key, value in body.items():
        if isinstance(value, str):
            changed[key] = value + " (changed concurrently)"
        elif isinstance(value, int) and not isinstance(value, bool):
            changed[key] = value + 1
        elif isinstance(value, dict) and key.lower().endswith("tags"):
            changed[key] = dict(value, concurrent="writer")
    return changed or {"freeformTags": {"concurrent": "writer"}}  # every OCI resource has tags, not all a description


def signed_client(module, emulated):
    return OciClient(emulated.url) if module.cloud == "oci" else HuaweiClient(emulated.url)


@pytest.mark.parametrize("operation", ["update", "delete"])
@pytest.mark.parametrize("module", [module for module in catalogue.resource_modules()
                                    if module.changeable and catalogue.service_of(module).etags], ids=str)
def test_stale_etag_is_a_clear_conflict_not_an_overwrite(module, operation, emulated):
    """Every module whose resource can change (a job or a work request cannot: there is nothing to overwrite), of
    the services that offer etags (DataArts Fabric has none: scenarios.py says etags=False)."""
    service, subject, run = converged_subject(module, emulated, "etag", create=True)
    resource_id = run.ids[subject.label]
    intercepted, written = [], []
    original = requests.Session.request
    # a resource without tags (a sandbox warm pool) is changed concurrently in what the update phase changes
    untagged = {} if module.described.tags else module.described.desired_fields(subject.update)

    def write_concurrently_first(session, method, url, **options):
        headers = options.get("headers") or {}
        if not intercepted and "if-match" in headers and method in ("PUT", "DELETE"):
            intercepted.append((method, url))
            body = json.loads(options["data"]) if options.get("data") else untagged
            written.append(concurrent_body(body))
            answer = signed_client(module, emulated).put(url[len(emulated.url):], written[0])
            assert answer.status_code in (200, 202), answer.text  # 202: an update the service carries out later
        return original(session, method, url, **options)

    if operation == "update":
        args = run.args(subject, subject.update)
    elif module.id_key == "id":
        args = dict(emulated.credentials.args(module.cloud), id=resource_id, state="absent")
    else:  # no id: its name identifies it in its scope
        args = run.args(subject, {"state": "absent"})
    with mock.patch.object(requests.Session, "request", write_concurrently_first):
        result = run_module(module.name, args)
    assert intercepted, "%s sent its %s without if-match: there was no etag to go stale" % (module.name, operation)
    method, url = intercepted[0]
    path = url[len(emulated.url):].split("?")[0]
    assert not has_traceback(result), result
    assert result.get("failed") is True, "%s overwrote a concurrent change: %s" % (module.name, result)
    assert "changed by someone else after this task read it" in result["msg"] and resource_id in result["msg"], result["msg"]
    assert result["error"]["status"] == 412 and result["id"] == resource_id, result
    writes = [e for e in emulated.admin.requests_log() if e["method"] == method and e["path"] == path]
    assert [e["status"] for e in writes][-1] == 412 and len([e for e in writes if e["status"] == 412]) == 1, writes
    now = signed_client(module, emulated).get(path).json()
    assert now.get("lifecycleState") not in service.gone_states + ("DELETING",), now
    assert "(changed concurrently)" in json.dumps(now) or "concurrent" in json.dumps(now) or any(
        now.get(key) == value for key, value in written[0].items() if isinstance(value, int)), now
    record("stale_etag", module=module.name, operation=operation, conflicts=1, overwritten=0)
