"""Data tables for the `components/table.html` template component.

A view (or selector) describes a table as columns and rows; the component renders it with
KERN classes, a caption, header cells with `scope`, right-aligned numeric columns and a
scrollable, keyboard-reachable region on narrow screens. Cells are plain values or `Cell`s
with a link; all text is escaped by the template.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    label: str
    numeric: bool = False


@dataclass(frozen=True)
class Cell:
    text: object
    url: str = ""
    numeric: bool = False


@dataclass
class Table:
    caption: str
    columns: list
    rows: list = field(default_factory=list)
    caption_id: str = "table-caption"
    empty_text: str = ""

    def cells(self):
        """Rows as lists of Cells; a numeric column makes its plain values numeric."""
        for row in self.rows:
            yield [
                value if isinstance(value, Cell) else Cell(value, numeric=column.numeric)
                for column, value in zip(self.columns, row, strict=True)
            ]
