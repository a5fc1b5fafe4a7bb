"""Data tables for the `components/table.html` template component.

A view (or selector) describes a table as columns and rows; the component renders it with
KERN classes, a caption, header cells with `scope`, right-aligned numeric columns and a
scrollable, keyboard-reachable region; below 576 px each row stacks as a block of
labelled lines (the cell's `label`), so columns never squeeze text to a word a line.
Cells are plain values or `Cell`s with a link; all text is escaped by the template.
"""

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Column:
    label: str
    numeric: bool = False


@dataclass(frozen=True)
class Cell:
    text: object
    url: str = ""
    numeric: bool = False
    label: str = ""  # the column's label, shown before the value when rows stack


@dataclass
class Table:
    caption: str
    columns: list
    rows: list = field(default_factory=list)
    caption_id: str = "table-caption"
    empty_text: str = ""

    def cells(self):
        """Rows as lists of Cells, each knowing its column's label; a numeric column makes
        its plain values numeric."""
        for row in self.rows:
            yield [
                replace(value, label=str(column.label))
                if isinstance(value, Cell)
                else Cell(value, numeric=column.numeric, label=str(column.label))
                for column, value in zip(self.columns, row, strict=True)
            ]
