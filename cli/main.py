"""Entry point ``prov`` (placeholder; the commands land with the foundation)."""

import click


@click.group()
def main():
    """prov: where did this claim come from, and through how many hands did it pass?"""
