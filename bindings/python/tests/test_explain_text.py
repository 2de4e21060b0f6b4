"""An explanation in words, from the core, in Swedish or English: the same text as
`samman explain` prints, with the coordinator's own changes first."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import samman

ROOT = Path(__file__).resolve().parents[3]


def _visit_programme() -> samman.Instance:
    return samman.Instance.from_json(
        json.dumps(
            {
                "version": 1,
                "seekers": [
                    {
                        "id": "saida",
                        "requires_verified": True,
                        "availability": {"weekly": [{"day": "monday", "start": "14:00", "end": "16:00"}]},
                    }
                ],
                "providers": [
                    {
                        "id": "vol-3",
                        "kind": "visit",
                        "capacity": 1,
                        "availability": {"weekly": [{"day": "monday", "start": "14:00", "end": "16:00"}]},
                    },
                    {
                        "id": "tue-1",
                        "kind": "visit",
                        "capacity": 1,
                        "verification": {"verified": True},
                        "availability": {"weekly": [{"day": "tuesday", "start": "14:00", "end": "16:00"}]},
                    },
                ],
            }
        )
    )


def test_the_volunteer_to_verify_is_named_first_in_both_languages() -> None:
    instance = _visit_programme()
    english = samman.explain_text(instance, None, "saida")
    assert "What would help: verifying vol-3 would open one provider" in english
    # The person's own change comes last and is labelled as theirs.
    assert english.index("verifying vol-3") < english.index("For the person:")
    swedish = samman.explain_text(instance, None, "saida", lang="sv")
    assert "Det här skulle hjälpa: att verifiera vol-3" in swedish
    assert "För personen:" in swedish
    assert swedish != english


def test_the_text_is_the_commands(tmp_path: Path) -> None:
    instance = _visit_programme()
    path = tmp_path / "visits.json"
    path.write_text(instance.to_json())
    # The `samman` command of this checkout, built (debug) if `cargo test` has not yet.
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    binary = target / "debug" / ("samman.exe" if sys.platform == "win32" else "samman")
    subprocess.run(["cargo", "build", "--quiet", "-p", "samman-cli"], cwd=ROOT, check=True, timeout=1200)
    printed = subprocess.run(
        [str(binary), "--lang", "sv", "explain", str(path), "--seeker", "saida"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert printed == samman.explain_text(instance, None, "saida", lang="sv")


def test_an_unknown_language_is_a_value_error_naming_lang() -> None:
    with pytest.raises(ValueError, match="lang"):
        samman.explain_text(_visit_programme(), None, "saida", lang="fi")
