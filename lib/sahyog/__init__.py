"""Sahyog: Hindi news on bilateral diplomacy turned into verifiable tables, charts and reports."""

__version__ = "0.1.0"
