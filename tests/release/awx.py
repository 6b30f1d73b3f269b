"""How AWX / Automation Controller checks a custom credential type and injects a credential into a job, redone
for tests: ``validate`` follows the input and injector field checks (awx/main/fields.py), ``inject`` follows
``CredentialType.inject_credential`` (awx/main/models/credential): secret-free "safe" copies for the stored
job environment, files rendered in order into the job's private ``env`` directory with mode 0600 (each file
template may name the files rendered before it), then the environment variables.
"""

import os
import re
import stat
import tempfile
import types

from jinja2 import Environment, StrictUndefined, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

TOP_KEYS = {"name", "description", "kind", "inputs", "injectors"}
FIELD_KEYS = {"id", "label", "type", "help_text", "format", "multiline", "secret", "ask_at_runtime", "choices",
              "default"}
STRING_ONLY_KEYS = ("choices", "multiline", "format", "secret")
NAME = re.compile(r"^[a-zA-Z_]+[a-zA-Z0-9_]*$")
FILE_LABEL = re.compile(r"^template(\.[a-zA-Z_]+[a-zA-Z0-9_]*)?$")
# Variables AWX refuses in credential injectors (besides every ANSIBLE_* name).
ENV_BLOCKLIST = frozenset((
    "VIRTUAL_ENV", "PATH", "PYTHONPATH", "JOB_ID", "INVENTORY_ID", "INVENTORY_SOURCE_ID", "INVENTORY_UPDATE_ID",
    "AD_HOC_COMMAND_ID", "REST_API_URL", "REST_API_TOKEN", "MAX_EVENT_RES", "CALLBACK_QUEUE", "CALLBACK_CONNECTION",
    "CACHE", "JOB_CALLBACK_DEBUG", "INVENTORY_HOSTVARS", "AWX_HOST", "PROJECT_REVISION", "SUPERVISOR_CONFIG_PATH",
))
MASK = "**********"


def fields(credential_type):
    return credential_type["inputs"].get("fields", [])


def secret_fields(credential_type):
    return [field["id"] for field in fields(credential_type) if field.get("secret")]


def _filename_namespace(file_labels):
    tower = types.SimpleNamespace()
    if "template" in file_labels:
        tower.filename = "EXAMPLE_FILENAME"
    elif file_labels:
        tower.filename = types.SimpleNamespace(**{label.split(".")[1]: "EXAMPLE_FILENAME" for label in file_labels})
    return tower


def validate(credential_type):
    """The problems AWX would refuse the credential type for (an empty list when it accepts it)."""
    problems = ["unknown key %s" % key for key in sorted(set(credential_type) - TOP_KEYS)]
    if credential_type.get("kind") not in ("cloud", "net"):
        problems.append("kind must be cloud or net for a custom credential type")
    inputs, injectors = credential_type.get("inputs", {}), credential_type.get("injectors", {})
    problems += ["unknown inputs key %s" % key for key in sorted(set(inputs) - {"fields", "required"})]
    ids = []
    for field in inputs.get("fields", []):
        problems += ["field %s: unknown key %s" % (field.get("id"), key) for key in sorted(set(field) - FIELD_KEYS)]
        if not field.get("id") or not field.get("label"):
            problems.append("every field needs an id and a label: %r" % field)
            continue
        if not NAME.match(field["id"]) or field["id"] == "tower":
            problems.append("%s is not a valid field id" % field["id"])
        if field["id"] in ids:
            problems.append("field ids must be unique (%s)" % field["id"])
        ids.append(field["id"])
        kind = field.get("type", "string")
        if kind not in ("string", "boolean"):
            problems.append("field %s: type must be string or boolean" % field["id"])
        problems += ["%s not allowed for %s type (%s)" % (key, kind, field["id"])
                     for key in STRING_ONLY_KEYS if key in field and kind != "string"]
    problems += ["required names an unknown field %s" % name for name in inputs.get("required", []) if name not in ids]

    problems += ["unknown injectors key %s" % key for key in sorted(set(injectors) - {"file", "env", "extra_vars"})]
    labels = list(injectors.get("file", {}))
    problems += ["file injector %s must be template or template.<name>" % label
                 for label in labels if not FILE_LABEL.match(label)]
    if "template" in labels and len(labels) > 1:
        problems.append("the single-file and multi-file syntax cannot be mixed")
    for name in injectors.get("env", {}):
        if not NAME.match(name) or name.startswith("ANSIBLE_") or name in ENV_BLOCKLIST:
            problems.append("environment variable %s is not allowed in credentials" % name)
    namespace = dict((field_id, "EXAMPLE") for field_id in ids)
    namespace["tower"] = _filename_namespace(labels)
    for section, templates in injectors.items():
        for key, template in (templates or {}).items():
            if not isinstance(template, str):
                problems.append("%s %s must be a string" % (section, key))
                continue
            try:
                Environment(undefined=StrictUndefined).from_string(template).render(namespace)
            except UndefinedError as error:
                problems.append("%s uses an undefined field (%s)" % (key, error))
    return problems


def inject(credential_type, inputs, private_data_dir):
    """What a job gets from a credential of this type with these input values.

    Returns ``(env, safe_env, files)``: the variables the job runs with, the copy AWX stores with secrets
    masked, and the file label -> path of each file written under ``private_data_dir/env``.
    """
    namespace, safe_namespace = {}, {}
    secrets = secret_fields(credential_type)
    for name, value in inputs.items():
        if isinstance(value, bool):
            namespace[name] = safe_namespace[name] = value
            continue
        if name in secrets:
            safe_namespace[name] = MASK
        elif value:
            safe_namespace[name] = value
        if value:
            namespace[name] = value
    for field in fields(credential_type):
        if field.get("type") == "boolean" and field["id"] not in inputs:
            namespace[field["id"]] = safe_namespace[field["id"]] = False
        if field.get("format") == "ssh_private_key" and not namespace.get(field["id"], "\n").endswith("\n"):
            namespace[field["id"]] += "\n"
    tower = types.SimpleNamespace()
    namespace["tower"] = safe_namespace["tower"] = tower

    sandbox = ImmutableSandboxedEnvironment()
    env_dir = os.path.join(str(private_data_dir), "env")
    os.makedirs(env_dir, exist_ok=True)
    files = {}
    for label, template in credential_type["injectors"].get("file", {}).items():
        data = sandbox.from_string(template).render(**namespace)
        handle, path = tempfile.mkstemp(dir=env_dir)
        with os.fdopen(handle, "w") as out:
            out.write(data)
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
        files[label] = path
        if "." not in label:
            tower.filename = path
        else:
            if not hasattr(tower, "filename"):
                tower.filename = types.SimpleNamespace()
            setattr(tower.filename, label.split(".")[1], path)
    env, safe_env = {}, {}
    for name, template in credential_type["injectors"].get("env", {}).items():
        env[name] = sandbox.from_string(template).render(**namespace)
        safe_env[name] = sandbox.from_string(template).render(**safe_namespace)
    return env, safe_env, files
