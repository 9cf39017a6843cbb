"""Analyst review: corrections that outlive every ingest, regrouping, rebuild and parser upgrade.

fields (what may be corrected and how a value is read), apply (pure: corrections applied to the
grouping's input and output), regroup (the hook the regrouping calls), service (saving, undo,
history, conflicts), queue (what most needs a human), exchange (export and import), aliases
(spellings added from an article, and the re-parse that follows), commands (the CLI).
"""
