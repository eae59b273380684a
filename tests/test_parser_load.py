"""Loading the parser: the small pipeline without torch, a pipeline that runs on torch with it.

Each case runs in a fresh interpreter, since what an import loads is decided once per process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(code: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", **env}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=300)


def test_the_small_pipeline_loads_without_torch_which_still_imports_afterwards():
    result = run(
        "import sys\n"
        "from kg.ingest.parse import load_parser\n"
        "nlp = load_parser()\n"
        "print('torch' in sys.modules, nlp('EBS volumes attach to instances.')[2].lemma_)\n"
        "import torch\n"
        "print(torch.tensor([1, 2]).sum().item())\n"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "attach", "3"]


def test_a_pipeline_whose_requirements_name_torch_imports_spacy_with_torch(tmp_path: Path):
    pipeline = tmp_path / "trf_pipeline"
    pipeline.mkdir()
    (pipeline / "meta.json").write_text(json.dumps({"requirements": ["spacy-curated-transformers>=0.2"]}))

    result = run(
        "import sys\n"
        "from kg.ingest.parse import load_parser\n"
        "try:\n"
        "    load_parser()\n"
        "except Exception:\n"
        "    pass\n"  # a meta.json alone is no pipeline: what matters is how spaCy was imported
        "print('spacy' in sys.modules, 'torch' in sys.modules)\n",
        KG_SPACY_MODEL=str(pipeline),
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]
