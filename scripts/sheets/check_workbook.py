"""Check a coordinator workbook written by `samman solve -o plan.xlsx --lang sv`.

Arguments: the workbook, the placements CSV written for the same input (seeker in column 1,
provider in column 5), and the folder where LibreOffice wrote each sheet as `plan-<Sheet>.csv`.
Each placement's seeker must be listed in its provider's block (openpyxl and LibreOffice
alike), with the name column carried; the family no host can receive must be in "Inte
placerade" with its reason.
"""

import csv
import sys
from pathlib import Path

import openpyxl


def blocks(rows: list[list[str]]) -> dict[str, list[list[str]]]:
    """Provider id -> the data rows of its block (rows after a header row starting `Id`)."""
    out: dict[str, list[list[str]]] = {}
    current = None
    in_people = False
    for row in rows:
        cells = [c.strip() for c in row]
        if not any(cells):
            current, in_people = None, False
        elif current is None:
            current, in_people = cells[0], False
            out[current] = []
        elif cells[0] == "Id":
            in_people = True
        elif in_people:
            out[current].append(cells)
    return out


def main() -> None:
    workbook, placements, folder = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    with open(placements, encoding="utf-8") as f:
        pairs = [(r[0], r[4], r[1]) for r in list(csv.reader(f))[1:]]
    assert pairs, "no placements"

    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == ["Sammanfattning", "Listor", "Inte placerade"], book.sheetnames
    by_openpyxl = blocks(
        [["" if v is None else str(v) for v in row] for row in book["Listor"].iter_rows(values_only=True)]
    )
    with open(folder / "plan-Listor.csv", encoding="utf-8") as f:
        by_libreoffice = blocks(list(csv.reader(f)))
    for reader, listed in (("openpyxl", by_openpyxl), ("LibreOffice", by_libreoffice)):
        assert set(listed) == {"d1", "d2", "d3", "d4"}, (reader, sorted(listed))
        for seeker, provider, name in pairs:
            people = {row[0]: row for row in listed[provider]}
            assert seeker in people, (reader, seeker, provider, listed[provider])
            assert people[seeker][1] == name, (reader, seeker, people[seeker])
        total = sum(len(rows) for rows in listed.values())
        assert total == len(pairs), (reader, total, len(pairs))

    not_placed = list(book["Inte placerade"].iter_rows(values_only=True))
    family = [row for row in not_placed if row[0] == "g6"]
    assert family, not_placed
    assert family[0][1] == "Familjen Nasser", family
    assert "ingen värd kan samma tid" in family[0][-2], family
    print(f"workbook: {len(pairs)} placements in their blocks, read by openpyxl and LibreOffice")


if __name__ == "__main__":
    main()
