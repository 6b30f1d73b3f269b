"""Hypothesis strategies of bad option values, derived from a module's own argument spec.

For every option (and every sub-option of a dict option or of a list of dicts) ``cases(module)`` gives a strategy of ``Case``s: where
to put a value in otherwise good options, the value, and the option names the failure message must contain. What
counts as bad comes from the option's type, choices and sub-options, from the cloud's rules for well-known names
(``id`` / ``*_id``, ``region``, ``endpoint``, ``fingerprint``, tags, files, ...) and from the service's
``bad_values`` (scenarios.py). Rules here are written from the API references, not taken from the code under test.
"""

import copy
import math
import re

from ansible.module_utils.common.validation import check_type_float, check_type_int
from hypothesis import strategies as st

from ansible_collections.cloudai.control.plugins.module_utils.oci_regions import REGION_SHORT_CODES
from reliability.scenarios import COMPARTMENT

DELETE = object()  # a Case value meaning: leave this (required) sub-option out
WORD = r"(?<![A-Za-z0-9_])%s(?![A-Za-z0-9_])"
BOOLEAN_WORDS = frozenset(("y", "yes", "on", "1", "true", "t", "n", "no", "off", "0", "false", "f"))
OCI_REGION = re.compile(r"[a-z]{2,}(-[a-z0-9]+)*-[0-9]+")
OCID = re.compile(r"ocid1\.[a-z0-9]+\.[a-z0-9]+\.[a-z0-9-]*(\.[a-z0-9-]+)?\.[A-Za-z0-9_-]+")
HUAWEI_ID = re.compile(r"[A-Za-z0-9-]{1,64}")
HUAWEI_REGION = re.compile(r"[a-z]{2}(-[a-z]+)+-[0-9]+")
FINGERPRINT = re.compile(r"([0-9a-f]{2}:){15}[0-9a-f]{2}")
# looser than the modules' rule on purpose: what this calls bad, every module must refuse
URL = re.compile(r"https?://[^\s/?#]+(/[^\s?#]*)?", re.IGNORECASE)
OVERLONG = "x" * 5000
# Options of the OCI auth settings where an empty value means "not given" (the OCI CLI's reading)
OCI_EMPTY_IS_UNSET = ("region", "tenancy", "user", "fingerprint", "key_file", "key_content", "pass_phrase", "endpoint",
                      "config_profile", "config_file", "ca_bundle", "auth_type")
HUAWEI_EMPTY_IS_UNSET = ("region", "endpoint", "ca_bundle", "ak", "sk", "security_token", "auth_token")


class Case:
    def __init__(self, path, value, words):
        self.path = path      # tuple: option, sub-option, ...
        self.value = value
        self.words = words    # option names the failure message must contain

    def apply(self, args, spec):
        """The options with this case's value put in (parent dicts filled from the good options or made up; in a
        list of dicts, the first one)."""
        args = copy.deepcopy(args)
        target, option_spec = args, spec
        for key in self.path[:-1]:
            listed = option_spec[key].get("type") == "list"
            option_spec = option_spec[key]["options"]
            if listed:
                if not isinstance(target.get(key), list) or not target[key] or not isinstance(target[key][0], dict):
                    target[key] = [minimal(option_spec)]
                target = target[key][0]
                continue
            if not isinstance(target.get(key), dict):
                target[key] = minimal(option_spec)
            target = target[key]
        if self.value is DELETE:
            target.pop(self.path[-1], None)
        else:
            target[self.path[-1]] = self.value
        return args

    def named_in(self, message):
        return all(re.search(WORD % re.escape(word), message or "") for word in self.words)

    def __repr__(self):
        if self.value is DELETE:
            value = "<left out>"
        elif isinstance(self.value, int) and self.value.bit_length() > 60:
            value = "<an integer of %d bits>" % self.value.bit_length()
        else:
            value = repr(self.value)[:200]
        return "%s=%s" % (".".join(self.path), value)


def minimal(spec):
    """Good values for the required sub-options of a dict option (to hold a bad sibling)."""
    value = {}
    for name, option_spec in spec.items():
        if option_spec.get("required"):
            value[name] = good_value(name, option_spec)
    return value


def good_value(name, option_spec):
    kind = option_spec.get("type", "str")
    if option_spec.get("choices"):
        return option_spec["choices"][0]
    if kind == "dict":
        return minimal(option_spec.get("options") or {})
    if kind == "list" and option_spec.get("elements") == "dict" and option_spec.get("options"):
        return [minimal(option_spec["options"])]
    if name.endswith("_id"):
        return COMPARTMENT
    return {"bool": True, "int": 1, "float": 1.0, "list": []}.get(kind, "reliability")


# ---------------------------------------------------------------------------------------------------------
# strategies by kind

def text(min_size=0, max_size=40):
    return st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=min_size, max_size=max_size)


def not_a_string():
    return st.one_of(st.dictionaries(text(1, 8), text(0, 8), max_size=3), st.lists(text(0, 8), max_size=3))


def secret_not_a_string():
    """Wrong types for a no_log option: Ansible masks its value wherever it appears, so leaves must be distinctive."""
    secret = st.from_regex(r"\Asecret-[a-z0-9]{10}\Z")
    return st.one_of(st.dictionaries(secret, secret, max_size=2), st.lists(secret, max_size=2))


# numbers no option can mean: infinite, not a number, or of absurd size (ansible-core itself crashes on some)
ABSURD_NUMBERS = ["inf", "-Infinity", "nan", "1e999999", "9" * 30, float("inf"), 10 ** 40, -(10 ** 400)]


def not_an_int():
    return st.one_of(text(1, 12).filter(lambda t: not _parses(check_type_int, t)),
                     st.floats(allow_nan=False, allow_infinity=False).filter(lambda f: f != int(f)),
                     st.booleans(), st.lists(st.integers(), max_size=2), st.dictionaries(text(1, 5), st.integers(), max_size=2),
                     st.sampled_from(ABSURD_NUMBERS), st.integers(min_value=10 ** 18, max_value=10 ** 100))


def not_a_float():
    return st.one_of(text(1, 12).filter(lambda t: not _parses(check_type_float, t)), st.booleans(),
                     st.lists(st.integers(), max_size=2), st.dictionaries(text(1, 5), st.integers(), max_size=2),
                     st.sampled_from(ABSURD_NUMBERS))


def not_a_bool():
    return st.one_of(text(1, 12).filter(lambda t: t.strip().lower() not in BOOLEAN_WORDS),
                     st.integers().filter(lambda i: i not in (0, 1)), st.lists(st.booleans(), min_size=1, max_size=2),
                     st.dictionaries(text(1, 5), st.booleans(), min_size=1, max_size=2))


def not_a_dict():
    return st.one_of(text(1, 20).filter(lambda t: "=" not in t and not t.startswith("{")), st.integers(),
                     st.lists(text(0, 5), max_size=3))


def _parses(check, value):
    """Whether Ansible's own conversion (check_type_int, check_type_float) accepts the value."""
    try:
        number = check(value)
    except (TypeError, ValueError, OverflowError):
        return False
    return math.isfinite(number) and abs(number) < 10 ** 18


def matching(pattern_ok, samples, empty_is_unset):
    """Text that breaks a rule (``pattern_ok(text)`` false), some known near misses, and overlong text."""
    generated = text(0 if not empty_is_unset else 1, 80).filter(lambda t: not pattern_ok(t) and (t or not empty_is_unset))
    fixed = [s for s in samples + [OVERLONG] if not pattern_ok(s) and (s or not empty_is_unset)]
    return st.one_of(generated, st.sampled_from(fixed))


def bad_id(cloud, option, own_type=None):
    if cloud == "oci":
        samples = ["", "ocid1", "ocid1.compartment", "ocid1.compartment.oc1", "OCID1.COMPARTMENT.OC1..AAAA",
                   "ocid1.compartment.oc1..aaaa aaaa", "ocid2.compartment.oc1..aaaa", "ocid1..oc1..aaaa",
                   "ocid1.compartment.oc1..", " " + COMPARTMENT, COMPARTMENT + "/", "ocid1.compartment.oc1..aaaa\n"]
        generated = matching(lambda t: bool(OCID.fullmatch(t)), samples, False)
        if own_type:  # the resource's own id: an OCID of another type is refused too
            other = st.sampled_from(["compartment", "tenancy", "instance", "generativeaiendpoint", "visionproject"]).filter(
                lambda kind: kind != own_type).map(lambda kind: "ocid1.%s.oc1.us-chicago-1.amaaaaaaother" % kind)
            generated = st.one_of(generated, other)
        return generated
    samples = ["", "a b", "id/1", "id?x=1", "x" * 65, "ü-umlaut", "id_underscore", "id.dot"]
    return matching(lambda t: bool(HUAWEI_ID.fullmatch(t)), samples, False)


# ---------------------------------------------------------------------------------------------------------
# cases for one module

def cases(module, service, own_type=None):
    """option path -> strategy of Cases, for every option and sub-option of the module. ``own_type`` is the OCID
    type of the module's own resources (an id of another type is bad too)."""
    found = {}
    for option, option_spec in sorted(module.argspec.items()):
        walk(module, service, (option,), option_spec, found, own_type)
    unknown = st.from_regex(r"\A[a-z][a-z0-9_]{2,20}\Z").filter(lambda name: name not in all_names(module.argspec))
    found[("<unknown option>",)] = unknown.map(lambda name: Case((name,), "x", (name,)))
    return found


def all_names(argspec):
    names = set()
    for option, option_spec in argspec.items():
        names.add(option)
        names.update(option_spec.get("aliases") or [])
    return names


def walk(module, service, path, option_spec, found, own_type):
    strategies = values_for(module, service, path, option_spec, own_type)
    words = (path[0], path[-1]) if len(path) > 1 else (path[0],)
    parts = [strategy.map(lambda value, path=path, words=words: Case(path, value, words)) for strategy in strategies]
    if has_suboptions(option_spec):
        for name, sub_spec in sorted(option_spec["options"].items()):
            if sub_spec.get("required") and "default" not in sub_spec:
                parts.append(st.just(Case(path + (name,), DELETE, (path[0], name))))
            walk(module, service, path + (name,), sub_spec, found, own_type)
        unknown = st.from_regex(r"\A[a-z][a-z0-9_]{2,12}\Z").filter(lambda name: name not in option_spec["options"])
        parts.append(unknown.map(lambda name, path=path: Case(path + (name,), "x", (path[0], name))))
    if not parts:
        raise AssertionError("%s: no rule to make bad values for option %s (type %s); teach bad_values.py or "
                             "scenarios.py about it" % (module.name, ".".join(path), option_spec.get("type")))
    found[path] = st.one_of(parts)


def has_suboptions(option_spec):
    """A dict option with sub-options, or a list of such dicts."""
    kind = option_spec.get("type")
    return bool(option_spec.get("options")) and (kind == "dict" or (kind == "list" and option_spec.get("elements") == "dict"))


def values_for(module, service, path, option_spec, own_type):
    """Strategies of values that are bad for this option (an empty list when only sub-options can be bad)."""
    kind, name, top = option_spec.get("type", "str"), path[-1], len(path) == 1
    cloud = module.cloud
    dotted = ".".join(path)
    empty_is_unset = top and name in (OCI_EMPTY_IS_UNSET if cloud == "oci" else HUAWEI_EMPTY_IS_UNSET)
    extra = list((service.bad_values.get(module.name) or {}).get(dotted, []))
    found = [st.sampled_from(extra)] if extra else []
    if option_spec.get("choices") and kind in ("str", "list"):
        choices = option_spec["choices"]
        bad = text(0 if not empty_is_unset else 1, 30).filter(lambda t: t not in choices)
        near = [c.lower() for c in choices if c.lower() not in choices] + [c + " " for c in choices] + [OVERLONG]
        bad = st.one_of(bad, st.sampled_from(near))
        found.append(bad if kind == "str" else st.lists(bad, min_size=1, max_size=3))
        if kind == "list":
            found.append(st.dictionaries(text(1, 5), text(0, 5), min_size=1, max_size=2))
        return found + ([not_a_string()] if kind == "str" else [])
    if kind == "bool":
        return found + [not_a_bool()]
    if kind == "int":
        found.append(not_an_int())
        if top and name in ("retries", "wait_timeout"):
            found.append(st.integers(max_value=-1))
        if top and name == "timeout":
            found.append(st.integers(max_value=0))
        return found
    if kind == "float":
        return found + [not_a_float()]
    if kind == "path":
        return found + [text(1, 20).filter(lambda t: "\x00" not in t).map(lambda t: "/nonexistent-reliability/" + t.replace("/", "_"))]
    if kind == "list":
        return found + [st.dictionaries(text(1, 5), text(0, 5), min_size=1, max_size=2)]
    if kind == "raw" and module.name in ("fabric_model", "fabric_job") and dotted == "current_version":
        # a version name, or the dict fabric_model_info (fabric_job_info) returns with one: a list, a boolean, a dict
        # without a name
        return found + [st.lists(text(0, 8), max_size=3), st.booleans(),
                        st.dictionaries(text(1, 8).filter(lambda t: t != "name"), text(0, 8), max_size=3)]
    if kind == "dict":
        found.append(not_a_dict())
        if top and name in ("freeform_tags", "defined_tags") and cloud == "oci":
            found.append(bad_tags(name))
        return found
    if kind != "str":
        raise AssertionError("%s: option %s has type %s, which bad_values.py does not know" % (module.name, dotted, kind))
    found.append(secret_not_a_string() if option_spec.get("no_log") else not_a_string())
    id_like = name == "id" or (name.endswith("_id") and dotted not in service.not_ids.get(module.name, ()))
    if id_like and not (top and name == "project_id" and cloud == "huaweicloud"):
        found.append(bad_id(cloud, dotted, own_type if top and name == "id" else None))
    elif top and name == "project_id":
        found.append(matching(lambda t: bool(re.fullmatch(r"[A-Za-z0-9_-]{1,64}", t)), ["", "a b", "x" * 65], False))
    elif top and name == "region":
        ok = (lambda t: bool(OCI_REGION.fullmatch(t.strip().lower())) or t.strip().lower() in REGION_SHORT_CODES) \
            if cloud == "oci" else (lambda t: bool(HUAWEI_REGION.fullmatch(t)))
        found.append(matching(ok, ["chicago", "us_chicago_1", "us-chicago", "1-us-chicago", "cn north 4", "cn-north-4 "], True))
    elif top and name == "endpoint":
        samples = ["127.0.0.1:8443", "ftp://127.0.0.1", "http://", "https:///x", "http://host:0", "http://host:99999",
                   "http://h ost", "http://host/?q=1", "http://host/#frag"]
        found.append(matching(lambda t: bool(URL.fullmatch(t)), samples, True))
    elif top and name == "fingerprint" and cloud == "oci":
        samples = ["d6:2a:52", "D6:2A:52:5A:CC:41:13:D0:62:00:29:42:8A:E9:CD:1E", "d6-2a-52-5a-cc-41-13-d0-62-00-29-42-8a-e9-cd-1e"]
        found.append(matching(lambda t: bool(FINGERPRINT.fullmatch(t)), samples, True))
    elif top and name in ("tenancy", "user") and cloud == "oci":
        found.append(matching(lambda t: len(re.findall("[.:]", t)) >= 4, ["tenancy", "ocid1.tenancy", "ocid1-tenancy-oc1"], True))
    elif top and name == "key_content" and cloud == "oci":
        found.append(st.sampled_from(["not a key", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n",
                                      "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n", OVERLONG]))
    elif top and name == "config_profile" and cloud == "oci":
        found.append(st.from_regex(r"\A[A-Za-z][A-Za-z0-9_-]{0,15}\Z").filter(lambda t: t != "DEFAULT"))
    elif top and name == "auth_token" and cloud == "huaweicloud":
        # the suites' options hold ak/sk: a token as well is a conflict (distinctive: Ansible masks no_log values)
        found.append(st.from_regex(r"\Atoken-[A-Za-z0-9]{12}\Z"))
    elif top and module.resource and name == module.name_option:
        found.append(st.just(""))
    return found


def bad_tags(option):
    scalar = st.one_of(st.integers(), st.booleans(), st.floats(allow_nan=False), st.none())
    nested = st.one_of(st.dictionaries(text(1, 5), text(0, 5), max_size=2), st.lists(text(0, 5), max_size=2))
    if option == "freeform_tags":
        return st.one_of(st.dictionaries(text(1, 10), st.one_of(scalar, nested), min_size=1, max_size=3),
                         st.just({"": "empty key"}))
    return st.one_of(st.dictionaries(text(1, 10), st.one_of(text(0, 10), st.integers(), st.lists(text(), max_size=1)),
                                     min_size=1, max_size=2),
                     st.dictionaries(text(1, 10), st.dictionaries(text(1, 10), st.one_of(nested, st.none()), min_size=1,
                                                                  max_size=2), min_size=1, max_size=2),
                     st.just({"": {"key": "value"}}), st.just({"Namespace": {"": "value"}}))
