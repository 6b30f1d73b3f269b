"""docs/reliability.md from the figures the reliability suites recorded (``python3 tools/dev.py reliability``).

    python tests/reliability/report.py FIGURES_DIR OUTPUT.md

Every number in the page comes from FIGURES_DIR (JSON lines written by harness.record during the run).
"""

import collections
import datetime
import json
import platform
import sys
from pathlib import Path

import ansible


# Why the user's key is loaded as it is (plugins/module_utils/oci_auth.py, check_rsa_numbers).
KEY_LOADING = (
    "the user's own OCI key (key_file, key_content, a security token's session key) is loaded without OpenSSL's "
    "validation of RSA keys (cryptography's `unsafe_skip_rsa_key_validation`), whose primality tests of p and q "
    "cost 35 to 140 ms in every task worker. What that validation guards against is a key from someone else, on "
    "which OpenSSL may loop or crash; this key is the user's own, trusted like the playbook. "
    "`oci_auth.check_rsa_numbers` still does the rest of OpenSSL's check in integer arithmetic (p q = n, d e = 1 "
    "mod p - 1 and q - 1, the CRT values), so a key with inconsistent numbers is refused before it is used, and "
    "every signature is verified with the public key before its request is sent, which catches a factor that is not "
    "prime (a wrong signature could reveal a factor). The fingerprint is still checked against the public key "
    "before any request. Keys from a service (the instance metadata service's) keep OpenSSL's full check.")


def load(directory):
    figures = collections.defaultdict(list)
    for path in sorted(Path(directory).glob("*.jsonl")):
        suite = path.name.rsplit("-", 1)[0]
        for line in path.read_text().splitlines():
            figures[suite].append(json.loads(line))
    return figures


def total(rows, key):
    return sum(row.get(key, 0) for row in rows)


def require(figures, *suites):
    missing = [suite for suite in suites if not figures.get(suite)]
    if missing:
        raise SystemExit("no figures from %s: did the suites run in full mode?" % ", ".join(missing))


def render(figures):
    require(figures, "faults", "check_mode", "bad_input", "bad_answers", "hostile_answers", "wait_timeout", "stale_etag",
            "secrets", "secret_shapes", "plain_http", "tls", "credentials", "runs")
    faults, check, bad, answers = figures["faults"], figures["check_mode"], figures["bad_input"], figures["bad_answers"]
    runs, secrets, hostile, shaped = figures["runs"], figures["secrets"], figures["hostile_answers"], figures["secret_shapes"]
    resource_checked = [row for row in check if row["kind"] == "resource"]
    info_checked = [row for row in check if row["kind"] == "info"]
    action_checked = [row for row in check if row["kind"] == "action"]
    injected = total(faults, "faults_injected")
    requests = total(faults, "requests")
    tracebacks = total(runs, "module_tracebacks") + total(runs, "playbook_tracebacks")
    lines = [
        "# Reliability and security figures",
        "",
        "Written by `python3 tools/dev.py reliability` from the figures of its own run (the full mode of the suites",
        "in `tests/reliability/`, against the local emulator); nothing here is typed by hand. `python3 tools/dev.py test`",
        "runs the same suites in a short mode. Generated %s with ansible-core %s on Python %s." % (
            datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), ansible.__version__,
            platform.python_version()),
        "",
        "| figure | value |",
        "|---|---|",
        "| faults injected (throttling, 5xx, HTML pages, dropped connections, lost answers) | %d in %d requests (%.1f %%) |" % (
            injected, requests, 100.0 * injected / requests if requests else 0),
        "| resources expected / found after the create run | %d / %d |" % (
            total(faults, "create_expected"), total(faults, "create_found")),
        "| resources expected / found after the update run (some deleted) | %d / %d |" % (
            total(faults, "update_expected"), total(faults, "update_found")),
        "| duplicates | %d |" % (total(faults, "create_duplicates") + total(faults, "update_duplicates")),
        "| changed on the second run of each playbook | %d |" % (total(faults, "create_rerun_changed")
                                                                 + total(faults, "update_rerun_changed")),
        "| modules checked in check mode | %d (%d resource modules: create or follow, update, delete or cancel; %d info "
        "modules; %d analyses) |" % (len(check), len(resource_checked), len(info_checked), len(action_checked)),
        "| mutating requests seen in check mode | %d |" % (total(check, "mutating") + total(faults, "check_mutating")),
        "| check-mode predictions equal to the real run (`changed` and `diff`; an analysis's answer) | %d of %d module "
        "runs, %d of %d playbook tasks |" % (
            total(resource_checked + action_checked, "matched"), total(resource_checked + action_checked, "predictions"),
            total(faults, "check_tasks_compared") - total(faults, "check_mismatched"), total(faults, "check_tasks_compared")),
        "| generated bad inputs tried | %d, over %d options and sub-options of %d modules |" % (
            total(bad, "tried"), total(bad, "options"), len(bad)),
        "| requests sent for bad input | %d |" % total(bad, "requests"),
        "| bad answers (not JSON, truncated, unexpected fields, HTML) failing cleanly | %d of %d cases |" % (
            total(answers, "clean"), len(answers)),
        "| hostile answers (crafted ids and id headers) refused or returned, never put into a path or a host | %d of %d "
        "cases, %d mutating requests |" % (total(hostile, "refused") + total(hostile, "returned"), len(hostile),
                                           total(hostile, "mutating")),
        "| settings in the shapes of a secret read with its line end (newline, CRLF, spaces, control characters) "
        "refused by name | %d of %d runs |" % (total(shaped, "refused"), total(shaped, "runs")),
        "| tracebacks | %d in %d module runs and %d playbook runs |" % (
            tracebacks, total(runs, "module_runs"), total(runs, "playbook_runs")),
        "| secret leaks | %d (%d secret values: key lines, pass phrases, tokens, SKs; %d Authorization and token header "
        "values the emulator received; %d secrets its answers carried; searched for in %d bytes of output, log files "
        "and results of %d playbook runs) |" % (
            total(secrets, "leaks"), total(secrets, "secrets"), total(secrets, "header_values"),
            total(secrets, "answered_secrets"), total(secrets, "bytes_searched"), sum(len(row["runs"]) for row in secrets)),
        "",
        "## Faults and throttling",
        "",
        "Each service's steps (`tests/reliability/scenarios.py`) converged by several hosts at once (one fork each),",
        "with the emulator injecting faults (seeded; each kind once for sure, then at random). Runs: create, create",
        "again, update under `--check --diff`, update, update again.",
        "",
        "| service | hosts | requests | faults injected | by kind | expected / found | duplicates | changed on re-runs | seconds |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in faults:
        lines.append("| %s | %d | %d | %d | %s | %d / %d, then %d / %d | %d | %d, %d | %s |" % (
            row["service"], row["hosts"], row["requests"], row["faults_injected"],
            ", ".join("%s: %d" % item for item in sorted(row["faults"].items())),
            row["create_expected"], row["create_found"], row["update_expected"], row["update_found"],
            row["create_duplicates"] + row["update_duplicates"], row["create_rerun_changed"], row["update_rerun_changed"],
            " + ".join("%g" % row[key] for key in sorted(row) if key.startswith("seconds_"))))
    lines += ["", "## Check mode and diff", "", "| module | kind | runs under check mode | mutating requests | predictions equal |",
              "|---|---|---|---|---|"]
    for row in sorted(check, key=lambda row: row["module"]):
        matched = "%d / %d" % (row["matched"], row["predictions"]) if "matched" in row else "-"
        lines.append("| %s | %s | %d | %d | %s |" % (row["module"], row["kind"], row["runs"], row["mutating"], matched))
    lines += ["", "## Bad input", "", "Hypothesis-generated values for every option and sub-option, each in otherwise good",
              "options; every one failed naming the option, before any request.", "",
              "| module | options and sub-options | generated values tried | requests sent |", "|---|---|---|---|"]
    for row in sorted(bad, key=lambda row: row["module"]):
        lines.append("| %s | %d | %d | %d |" % (row["module"], row["options"], row["tried"], row["requests"]))
    by_kind = collections.Counter(row["kind"] for row in answers)
    recovered = len([row for row in answers if row.get("recovered")])
    lines += ["", "## Bad answers", "", "Cases per kind of spoilt answer (reads of every module, an analysis's POST; the create",
              "of every resource module that creates, then a re-run that finds what it made): %s. Creates whose" % ", ".join(
                  "%s %d" % item for item in sorted(by_kind.items())),
              "unreadable answer the module got over by looking the name up (Huawei has no retry tokens): %d." % recovered,
              ""]
    lines += ["## Hostile answers", "", "Every answer of the service carrying a crafted id (each `id` of its bodies, its",
              "`opc-work-request-id` and `opc-next-page` headers), for every module (resource modules asked to delete",
              "what exists). A module may return what it read; an id that is not one of the cloud never enters a path",
              "or picks a host.", "", "| crafted id | modules | refused naming the answer | returned as read | "
              "mutating requests | answers spoilt |", "|---|---|---|---|---|---|"]
    for value in sorted(set(row["value"] for row in hostile)):
        rows = [row for row in hostile if row["value"] == value]
        lines.append("| `%s` | %d | %d | %d | %d | %d |" % (
            value, len(rows), total(rows, "refused"), total(rows, "returned"), total(rows, "mutating"),
            total(rows, "injected")))
    lines.append("")
    lines += ["## Waits, etags, TLS and credentials", ""]
    lines.append("- Wait timeouts returning the id and last state, then picked up by the re-run without a second create: "
                 "%s." % ", ".join("%s (%s)" % (row["module"], row["state"]) for row in figures["wait_timeout"]))
    conflicts = sorted(set("%s %s" % (row["module"], row["operation"]) for row in figures["stale_etag"]))
    lines.append("- Stale etags refused as conflicts, nothing overwritten: %d (%s)." % (
        total(figures["stale_etag"], "conflicts"), ", ".join(conflicts)))
    lines.append("- TLS on a self-signed emulator: %s." % "; ".join(
        "%s (%s): refused by default and with another CA, accepted with ca_bundle, warned with validate_certs=false" % (
            row["cloud"], row["module"]) for row in figures["tls"]))
    lines.append("- Credentials: %s." % "; ".join(
        "%s (%s): %d checks" % (row["cloud"], row["module"], row["checks"]) for row in figures["credentials"]))
    lines.append("- Keys: %s" % KEY_LOADING)
    lines.append("- Secrets were searched for in the output of: %s, each in every written form (as is, quoted, escaped); "
                 "%d of the playbook's tasks gave a credential in the shape of a secret read with its line end (each Huawei "
                 "credential newline- or CRLF-terminated, padded, ...; an OCI pass phrase newline-terminated)." % (
                     "; ".join(", ".join(row["runs"]) for row in secrets), total(secrets, "shaped_probes")))
    lines.append("- Settings in the shapes of a secret read with its line end: %s." % "; ".join(
        "%s: %d settings in %d shapes over %d modules, %d runs refused naming the option, no written form of a secret in "
        "any result" % (row["cloud"], row["options"], row["shapes"], row["modules"], row["refused"]) for row in shaped))
    lines.append("- Plain http:// to a host other than loopback: %s." % "; ".join(
        "%s (%s): refused from the option and from the variable, warned with allow_http, each naming where the endpoint "
        "came from" % (row["cloud"], row["module"]) for row in figures["plain_http"]))
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    text = render(load(argv[0]))
    Path(argv[1]).parent.mkdir(parents=True, exist_ok=True)
    Path(argv[1]).write_text(text)
    print("wrote %s" % argv[1])


if __name__ == "__main__":
    main(sys.argv[1:])
