"""``zitat train``: train a model-based extractor plugin on a gold set.

The core never imports a plugin at module level (import-linter forbids it), so each
subcommand loads its plugin's training module by name when it runs.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import click

from zitat.cli._common import ZitatGroup, echo_json, err_console

CRF_TRAINER = "zitat_crf.train"


def _plugin_module(name: str, distribution: str) -> ModuleType:
    """Import ``name`` or stop with a message naming the distribution to install."""
    try:
        return importlib.import_module(name)
    except ImportError as err:
        raise click.ClickException(
            f"this command needs the {distribution} plugin ({err}); install it with "
            f"`pip install -e plugins/{distribution}`"
        ) from None


@click.group(cls=ZitatGroup)
def train() -> None:
    """Train model-based extractors (plugins) on a gold set."""


@train.command("crf")
@click.option(
    "--gold",
    "gold_spec",
    default="wikinews:train",
    show_default=True,
    help="Training gold: a gold set NAME[:SPLIT] or a path.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Model folder to write (use it as ZITAT_CRF_MODEL or the model_dir option).",
)
@click.option("--seed", default=0, show_default=True, help="Seed of the document order.")
@click.option("--c1", default=0.05, show_default=True, help="L1 regularisation.")
@click.option("--c2", default=0.01, show_default=True, help="L2 regularisation.")
@click.option("--max-iterations", default=150, show_default=True, help="L-BFGS iterations.")
@click.option("--no-rules", is_flag=True, help="Do not use the rules extractor's output.")
@click.option("--json", "as_json", is_flag=True, help="Print the training report as JSON.")
def crf(
    gold_spec: str,
    out: Path,
    seed: int,
    c1: float,
    c2: float,
    max_iterations: int,
    no_rules: bool,
    as_json: bool,
) -> None:
    """Train the zitat-crf tagger on GOLD and write the model to OUT."""
    from zitat.bench.goldspec import load_gold

    trainer = _plugin_module(CRF_TRAINER, "zitat-crf")
    gold = load_gold(gold_spec)
    report = trainer.train(
        gold.documents,
        out,
        seed=seed,
        c1=c1,
        c2=c2,
        max_iterations=max_iterations,
        use_rules=not no_rules,
        log=lambda msg: err_console.print(f"[dim]{msg}[/]"),
    )
    summary = {
        "out": str(out),
        "gold": gold.describe(),
        "documents": report.documents,
        "tokens": report.tokens,
        "seconds": round(report.seconds, 2),
        "model_bytes": report.model_bytes,
    }
    if as_json:
        echo_json(summary)
    else:
        err_console.print(
            f"trained on {report.documents} documents ({report.tokens} tokens) in "
            f"{report.seconds:.1f} s; model {report.model_bytes / 1e6:.1f} MB in {out}"
        )
