"""Reliability and security suites: faults and throttling, waits, etags, check mode and diff, bad input, bad
answers, secrets, TLS and credentials, for every module (see README.md in this directory)."""
